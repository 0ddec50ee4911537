package org.federation.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.federation.platform.devtoken.DevTokenIssuer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * A test mix-in: a service refuses every token it must not trust with 401 and a problem body,
 * while the same call with a good token passes. Implement it in one test class per app.
 */
public interface RefusesBadTokens {

    /** The app under test. */
    HttpProbe app();

    /** A call that the presidium is allowed to make. */
    HttpCall protectedCall();

    @TestFactory
    default Stream<DynamicTest> refusesTokensItMustNotTrust() {
        DevTokenIssuer issuer = TestTokens.issuer();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired five minutes ago", issuer.sign(claims(issuer, b -> b
                .issueTime(Date.from(Instant.now().minusSeconds(3900)))
                .expirationTime(Date.from(Instant.now().minusSeconds(300))))));
        tokens.put("signed by another key under the issuer's key id",
                DevTokenIssuer.sign(claims(issuer, b -> b), DevTokenIssuer.newKey(issuer.keyId())));
        tokens.put("signed by an unknown key", DevTokenIssuer.sign(claims(issuer, b -> b), DevTokenIssuer.newKey()));
        tokens.put("from another issuer", issuer.sign(claims(issuer, b -> b.issuer("https://sso.other-university.example"))));
        tokens.put("for another audience (an application of the university other than the federation's)",
                issuer.sign(claims(issuer, b -> b.audience("https://library.university.example"))));
        tokens.put("without an audience", issuer.sign(claims(issuer, b -> b.audience((String) null))));
        tokens.put("without a subject", issuer.sign(claims(issuer, b -> b.subject(null))));
        tokens.put("without roles", issuer.sign(claims(issuer, b -> b.claim("roles", null))));
        tokens.put("without an expiry", issuer.sign(claims(issuer, b -> b.expirationTime(null))));
        tokens.put("with a payload altered after signing", tamper(issuer.sign(claims(issuer, b -> b))));
        tokens.put("that is not a JWT at all", "not-a-token");

        Stream<DynamicTest> refused = tokens.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                "a token " + e.getKey() + " is refused with 401", () -> {
                    HttpProbe.Response response = app().with("Authorization", "Bearer " + e.getValue()).send(protectedCall());
                    assertThat(response.status()).as(response.body()).isEqualTo(401);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }));
        DynamicTest control = DynamicTest.dynamicTest("the same call with a good token passes", () -> {
            HttpProbe.Response response = Persona.PRESIDIUM.on(app()).send(protectedCall());
            assertThat(response.status()).as(response.body()).isBetween(200, 299);
        });
        return Stream.concat(refused, Stream.of(control));
    }

    private static JWTClaimsSet claims(DevTokenIssuer issuer, UnaryOperator<JWTClaimsSet.Builder> bend) {
        Persona presidium = Persona.PRESIDIUM;
        return bend.apply(issuer.claimsFor(presidium.subject(), "Test presidium", "p@stu.example.edu",
                presidium.roles())).build();
    }

    /** Swaps the payload for one granting more, keeping the original signature. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String altered = payload.replace("\"" + Persona.PRESIDIUM.subject() + "\"", "\"2099999999\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes()) + "." + parts[2];
    }

}
