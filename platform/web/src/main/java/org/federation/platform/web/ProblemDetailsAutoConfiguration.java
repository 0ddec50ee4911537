package org.federation.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Every service answers errors the same way, RFC 9457 problem details, and refuses bodies over
 * {@code federation.web.max-body-size} (1 MB unless configured) before reading them.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({FederationProblemHandler.class, ContainerErrors.class, AcceptedDates.Parameters.class})
public class ProblemDetailsAutoConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** A JSON value of the wrong type is refused, not converted: see {@link StrictJsonTypes}. */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer strictJsonTypes() {
        return StrictJsonTypes::apply;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(@Value("${federation.web.max-body-size:1MB}") DataSize max) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(max));
        // ahead of security and everything else: a huge body is refused before anyone reads it
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** {@code page=} or {@code size=0x10} is a 400, not the default page: see {@link PagingParameters}. */
    @Bean
    FilterRegistrationBean<PagingParameters> pagingParameters() {
        // after security (the default order): a caller who may not list learns nothing about its paging
        return new FilterRegistrationBean<>(new PagingParameters());
    }
}
