package org.federation.platform.businessclock;

import org.federation.platform.domain.BusinessClock;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The command that moves business time, for development only: the bean exists under the {@code local}
 * profile (the local platform and the tests), so no other configuration can expose it, whatever its
 * Actuator exposure list says.
 */
@AutoConfiguration(afterName = "org.federation.platform.messaging.MessagingAutoConfiguration")
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(BusinessClock.class)
@Profile("local")
public class LocalBusinessClockAutoConfiguration {

    @Bean
    BusinessClockEndpoint businessClockEndpoint(BusinessClock clock, ApplicationEventPublisher events) {
        return new BusinessClockEndpoint(clock, events);
    }
}
