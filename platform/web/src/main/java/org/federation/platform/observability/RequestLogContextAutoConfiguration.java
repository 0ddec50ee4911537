package org.federation.platform.observability;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The caller in every request's log lines ({@link ActorLogContext}). Part of the web kit: it needs
 * only the servlet stack, not the backbone (the backbone's observability is in platform/messaging).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestLogContextAutoConfiguration {

    @Bean
    FilterRegistrationBean<ActorLogContext> actorLogContext(@Value("${spring.application.name:}") String service) {
        FilterRegistrationBean<ActorLogContext> registration = new FilterRegistrationBean<>(new ActorLogContext(service));
        // after Spring Security's filter chain (order -100), which has authenticated the caller
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
