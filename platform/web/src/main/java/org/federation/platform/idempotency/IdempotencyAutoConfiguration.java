package org.federation.platform.idempotency;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every servlet app with a MongoDB store honours the {@code Idempotency-Key} header on its
 * commands ({@link IdempotencyFilter}), unless {@code federation.web.idempotency.enabled=false}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.federation.platform.messaging.MessagingAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean(MongoTemplate.class)
@ConditionalOnProperty(prefix = "federation.web.idempotency", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(MongoTemplate mongo, IdempotencyProperties properties, ObjectProvider<Clock> clock,
                                      ObjectProvider<ResponseSealer> sealer) {
        return new IdempotencyStore(mongo, clock.getIfAvailable(Clock::systemUTC), properties.lease(),
                properties.retention(), sealer.getIfAvailable());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(store));
        // after the body limit (first) and Spring Security's chain (-100): the caller is known by then
        registration.setOrder(IdempotencyFilter.ORDER);
        return registration;
    }

    /** The header in the API description, on every POST, PUT, PATCH and DELETE operation. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class ApiDescription {

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer idempotencyKeyHeader(IdempotencyProperties properties) {
            return new IdempotencyOpenApi(properties.retention())::addHeader;
        }
    }
}
