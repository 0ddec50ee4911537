package org.federation.platform.web;

import java.time.Clock;

import org.federation.platform.domain.BusinessClock;
import org.federation.platform.domain.FederationCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Bean Validation's time constraints on requests ({@code @Future}, {@code @PastOrPresent}) compare
 * with business time on the federation's calendar, as the domain's own rules do. By default they
 * read the JVM's clock in its zone (UTC on the servers): between 00:00 and 08:00 Beijing time a club
 * founded "today" was refused as founded in the future, and on the local platform, whose business
 * time runs ahead, a hearing set for tomorrow in business time could be refused as past.
 */
@AutoConfiguration
@ConditionalOnClass(ValidationConfigurationCustomizer.class)
public class BusinessTimeValidationAutoConfiguration {

    @Bean
    ValidationConfigurationCustomizer businessTimeValidation(ObjectProvider<BusinessClock> businessClock) {
        // looked up at each validation: the service's business clock, or real time where a service has none
        return configuration -> configuration.clockProvider(() -> {
            Clock now = businessClock.getIfAvailable();
            return (now != null ? now : Clock.systemUTC()).withZone(FederationCalendar.ZONE);
        });
    }
}
