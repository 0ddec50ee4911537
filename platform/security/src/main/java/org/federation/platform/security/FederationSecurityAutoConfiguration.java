package org.federation.platform.security;

import java.time.Clock;
import java.util.List;

import org.federation.platform.security.ratelimit.ClientAddresses;
import org.federation.platform.security.ratelimit.PublicRateLimit;
import org.federation.platform.security.ratelimit.PublicRateLimitFilter;
import org.federation.platform.security.ratelimit.PublicRateLimitProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server the same way: stateless, bearer tokens only, the
 * app's {@link PublicEndpoints} (plus health and the API description) open to anonymous callers,
 * everything else needing a valid token; finer rules (department remit, club leadership) are
 * decided by each service with the {@link Caller}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties({FederationSecurityProperties.class, PublicRateLimitProperties.class})
public class FederationSecurityAutoConfiguration {

    private static final List<PublicEndpoints.Entry> ALWAYS_OPEN = PublicEndpoints
            .reading("/actuator/health", "/actuator/health/**", "/livez", "/readyz", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
            .entries();

    /** Read-only operator endpoints open on the management port. */
    private static final List<String> OBSERVED = List.of("/actuator", "/actuator/prometheus", "/actuator/metrics",
            "/actuator/metrics/**", "/actuator/info");

    static {
        // the caller comes from the bearer token, not from the request: keep it out of the API description
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    static IssuerRequired federationIssuerRequired() {
        return new IssuerRequired();
    }

    @Bean
    JwtDecoder federationJwtDecoder(FederationSecurityProperties properties, ObjectProvider<Clock> clock) {
        return FederationTokens.decoder(properties, clock.getIfUnique(Clock::systemUTC));
    }

    /** The client's address as seen through the trusted proxies, for limits keyed by address. */
    @Bean
    ClientAddresses federationClientAddresses(FederationSecurityProperties properties) {
        return new ClientAddresses(properties.trustedProxies());
    }

    @Bean
    SecurityFilterChain federationApi(HttpSecurity http, JwtDecoder decoder,
                                      ObjectProvider<PublicEndpoints> publicEndpoints,
                                      ObjectProvider<MongoTemplate> mongo, ObjectProvider<Clock> clock,
                                      ClientAddresses clientAddresses, PublicRateLimitProperties limits,
                                      ObjectProvider<org.federation.platform.persistence.MongoIndexes> indexes,
                                      org.springframework.core.env.Environment environment) throws Exception {
        SecurityProblems problems = new SecurityProblems();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> open = publicEndpoints.orderedStream().flatMap(p -> p.entries().stream())
                .map(e -> (RequestMatcher) paths.matcher(e.method(), e.pattern())).toList();
        MongoTemplate store = mongo.getIfUnique();
        if (store != null && !open.isEmpty()) {
            // the counters live in the service's MongoDB, shared by its instances. The filter is no bean:
            // as a bean, Boot would also register it as a servlet filter outside the security chain
            PublicRateLimit limit = new PublicRateLimit(store, clock.getIfUnique(Clock::systemUTC), limits);
            // the sweep of earlier windows
            indexes.ifAvailable(declared -> declared.ensure(PublicRateLimit.COLLECTION, "windowStart"));
            http.addFilterAfter(new PublicRateLimitFilter(open, clientAddresses, limit),
                    BearerTokenAuthenticationFilter.class);
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> {
                    // errors are rendered on an ERROR dispatch, which must not itself demand a token
                    authorize.requestMatchers("/error").permitAll();
                    ALWAYS_OPEN.forEach(e -> authorize.requestMatchers(paths.matcher(e.method(), e.pattern())).permitAll());
                    // the management port is not exposed outside the cluster: Prometheus scrapes it without a token
                    RequestMatcher onManagementPort = new ManagementPortRequests(environment);
                    OBSERVED.forEach(pattern -> authorize.requestMatchers(
                            new AndRequestMatcher(onManagementPort, paths.matcher(HttpMethod.GET, pattern))).permitAll());
                    // operators' commands (dead-letter re-drive, rebuilds) change state: the presidium only, on
                    // either port (defence in depth, should the management port ever be reachable)
                    authorize.requestMatchers(paths.matcher("/actuator/**")).hasAuthority("PRESIDIUM");
                    publicEndpoints.orderedStream().flatMap(p -> p.entries().stream())
                            .forEach(e -> authorize.requestMatchers(paths.matcher(e.method(), e.pattern())).permitAll());
                    authorize.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(FederationTokens.authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Each operation of the API description states its security and its problem responses ({@link ApiDescriptionConventions}). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class ApiDescription {

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer federationApiConventions(ObjectProvider<PublicEndpoints> publicEndpoints) {
            return api -> new ApiDescriptionConventions(java.util.stream.Stream.concat(ALWAYS_OPEN.stream(),
                    publicEndpoints.orderedStream().flatMap(p -> p.entries().stream())).toList()).complete(api);
        }
    }

    @Bean
    WebMvcConfigurer callerParameter() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
