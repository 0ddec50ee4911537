package org.federation.platform.idempotency;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/**
 * Lets a controller method take an {@link IdempotencyKey}, which makes the header required (428
 * without it). Not tied to {@code federation.web.idempotency.enabled}: a money command needs its
 * key to derive its ids even where replays are switched off.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class IdempotencyKeyParameterAutoConfiguration {

    @Bean
    WebMvcConfigurer idempotencyKeyParameter() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new IdempotencyKeyArgumentResolver());
            }
        };
    }

    /** In the API description the header is required on operations that take the key, and the parameter itself hidden. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OperationCustomizer")
    static class ApiDescription {

        ApiDescription() {
            org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(IdempotencyKey.class);
        }

        @Bean
        org.springdoc.core.customizers.OperationCustomizer requiredIdempotencyKey() {
            return (operation, handler) -> {
                boolean requires = java.util.Arrays.stream(handler.getMethodParameters())
                        .anyMatch(p -> IdempotencyKey.class.equals(p.getParameterType()));
                if (requires) {
                    operation.addParametersItem(new HeaderParameter().name(IdempotencyKeys.HEADER).required(true)
                            .description("Required: this command moves money. A unique key (1-255 printable ASCII "
                                    + "characters, e.g. a UUID), sent again unchanged with every retry; what the "
                                    + "command creates gets an id derived from it, so a retry never books twice. "
                                    + "428 without it.")
                            .schema(new StringSchema().minLength(1).maxLength(IdempotencyKeys.MAX_LENGTH)
                                    .pattern("^[ -~]+$")));
                }
                return operation;
            };
        }
    }
}
