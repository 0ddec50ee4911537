package org.federation.platform.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * How a federation token is checked and read: signed (RS256) by the configured issuer's key,
 * naming that issuer and this platform's audience, unexpired, with a subject and a {@code roles} claim. The roles become
 * authorities exactly as {@link FederationRole} spells them.
 */
final class FederationTokens {

    static final String ROLES_CLAIM = "roles";

    private FederationTokens() {
    }

    static JwtDecoder decoder(FederationSecurityProperties properties, Clock clock) {
        // the key set is fetched on the first token, not at start-up, so a service starts before the issuer
        IssuerKeySet keys = new IssuerKeySet(properties.keySetUri(), properties.keySetRefetchInterval(),
                properties.keySetLifetime(), clock);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // claims are checked by the validator below, in Spring's terms, not by Nimbus
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(FederationSecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.requiredIssuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<Object>(ROLES_CLAIM, roles -> roles instanceof Collection<?>)));
    }

    static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(JwtClaimNames.SUB);
        converter.setJwtGrantedAuthoritiesConverter(FederationTokens::authorities);
        return converter;
    }

    /** Who a verified token says the caller is. */
    static Caller caller(Jwt jwt) {
        return Caller.of(jwt.getSubject(), jwt.getClaimAsString("name"), jwt.getClaimAsString("email"),
                jwt.getClaimAsStringList(ROLES_CLAIM));
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return caller(jwt).roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.toString())).toList();
    }
}
