package org.federation.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which tokens a service accepts ({@code federation.security.*}).
 *
 * @param issuer    the issuer every token must name ({@code iss}): the university's single sign-on,
 *                  or {@code http://localhost:9000} for the local platform's development issuer.
 *                  Required: there is deliberately no default.
 * @param jwkSetUri where the issuer publishes its signing keys; defaults to
 *                  {@code <issuer>/.well-known/jwks.json}
 * @param clockSkew how far clocks may disagree when checking {@code exp} and {@code nbf}
 */
@ConfigurationProperties("federation.security")
public record FederationSecurityProperties(String issuer, String jwkSetUri, Duration clockSkew) {

    public FederationSecurityProperties {
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(30);
        }
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
