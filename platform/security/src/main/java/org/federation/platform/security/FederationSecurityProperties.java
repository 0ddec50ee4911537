package org.federation.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which tokens a service accepts ({@code federation.security.*}).
 *
 * @param issuer              the issuer every token must name ({@code iss}): the university's single sign-on,
 *                            or {@code http://localhost:9000} for the local platform's development issuer.
 *                            Required: there is deliberately no default.
 * @param jwkSetUri           where the issuer publishes its signing keys; defaults to
 *                            {@code <issuer>/.well-known/jwks.json}
 * @param clockSkew           how far clocks may disagree when checking {@code exp} and {@code nbf}
 * @param audience            the audience every token must name in {@code aud} (env
 *                            {@code FEDERATION_SECURITY_AUDIENCE}), so a token the sign-on issued for
 *                            another application of the university is refused; defaults to
 *                            {@value #DEFAULT_AUDIENCE}, the name the development issuer uses
 * @param keySetRefetchInterval the least time between two fetches of the key set caused by tokens
 *                            naming a key id it does not hold (60 s), so anonymous callers sending
 *                            made-up key ids cannot make every service hammer the sign-on
 * @param keySetLifetime      how long a fetched key set is used before it is fetched again on the
 *                            next token (5 min), so a key the issuer withdrew stops being trusted
 * @param trustedProxies      the proxies in front of the service (ingress, load balancer) as IP addresses or
 *                            CIDR blocks: only from these is {@code X-Forwarded-For} believed when finding the
 *                            client's address (public rate limit). None by default: the connection's peer is the client
 */
@ConfigurationProperties("federation.security")
public record FederationSecurityProperties(String issuer, String jwkSetUri, Duration clockSkew, String audience,
                                           Duration keySetRefetchInterval, Duration keySetLifetime,
                                           java.util.List<String> trustedProxies) {

    /** The platform's name as an audience; the development token issuer puts it in every token. */
    public static final String DEFAULT_AUDIENCE = "student-club-federation";

    public FederationSecurityProperties {
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(30);
        }
        if (audience == null || audience.isBlank()) {
            audience = DEFAULT_AUDIENCE;
        }
        if (keySetRefetchInterval == null) {
            keySetRefetchInterval = Duration.ofSeconds(60);
        }
        if (keySetLifetime == null) {
            keySetLifetime = Duration.ofMinutes(5);
        }
        trustedProxies = trustedProxies == null ? java.util.List.of() : java.util.List.copyOf(trustedProxies);
    }

    String requiredIssuer() {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("federation.security.issuer is not set: point it at the token issuer "
                    + "(FEDERATION_SECURITY_ISSUER, the university's single sign-on), or run the local platform, "
                    + "which starts a development issuer at http://localhost:9000");
        }
        return issuer;
    }

    String keySetUri() {
        return jwkSetUri == null || jwkSetUri.isBlank() ? requiredIssuer() + "/.well-known/jwks.json" : jwkSetUri;
    }
}
