package org.federation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/** The decoder every service uses, against an issuer that counts how often its key set is fetched. */
class FederationTokensTest {

    private HttpServer issuerServer;
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private volatile RSAKey signingKey;
    private String issuer;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private JwtDecoder decoder;

    @BeforeEach
    void startIssuer() throws Exception {
        signingKey = newKey();
        issuerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        issuerServer.createContext("/.well-known/jwks.json", exchange -> {
            keySetFetches.incrementAndGet();
            byte[] body = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        issuerServer.start();
        issuer = "http://127.0.0.1:" + issuerServer.getAddress().getPort();
        decoder = FederationTokens.decoder(new FederationSecurityProperties(issuer, null, null, "student-club-federation",
                Duration.ofSeconds(60), Duration.ofMinutes(5), null), clock);
    }

    @AfterEach
    void stopIssuer() {
        issuerServer.stop(0);
    }

    @Test
    void aTokenForThePlatformsAudienceIsAccepted() {
        assertThat(decoder.decode(sign(claims().audience("student-club-federation").build(), signingKey)).getSubject())
                .isEqualTo("2023020001");
        assertThat(decoder.decode(sign(claims().audience(List.of("library", "student-club-federation")).build(), signingKey))
                .getAudience()).contains("student-club-federation");
    }

    @Test
    void aTokenTheSignOnIssuedForAnotherApplicationIsRefused() {
        assertThatThrownBy(() -> decoder.decode(sign(claims().audience("https://library.university.example").build(), signingKey)))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(sign(claims().build(), signingKey)))
                .as("no audience at all").isInstanceOf(BadJwtException.class).hasMessageContaining("aud");
    }

    @Test
    void fiftyTokensWithUnknownKeyIdsInOneSecondFetchTheKeySetAtMostOnce() {
        decoder.decode(sign(claims().audience("student-club-federation").build(), signingKey));
        int afterFirstToken = keySetFetches.get();
        assertThat(afterFirstToken).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));

        RSAKey forger = newKey();
        for (int i = 0; i < 50; i++) {
            // the key id is what makes the decoder look for a key; one forger's key under 50 made-up ids
            RSAKey madeUpId = new RSAKey.Builder(forger).keyID(UUID.randomUUID().toString()).build();
            String forged = sign(claims().audience("student-club-federation").build(), madeUpId);
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
            clock.advance(Duration.ofMillis(20));
        }

        assertThat(keySetFetches.get() - afterFirstToken).isLessThanOrEqualTo(1);
    }

    @Test
    void aKeyTheIssuerRotatedToIsFetchedOnceTheIntervalHasPassed() {
        decoder.decode(sign(claims().audience("student-club-federation").build(), signingKey));
        signingKey = newKey();
        String underTheNewKey = sign(claims().audience("student-club-federation").build(), signingKey);
        clock.advance(Duration.ofSeconds(61));

        assertThat(decoder.decode(underTheNewKey).getSubject()).isEqualTo("2023020001");
        assertThat(keySetFetches.get()).isEqualTo(2);
    }

    private JWTClaimsSet.Builder claims() {
        // token expiry is checked against real time; the clock moves only the key set's intervals
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("2023020001").claim("roles", List.of("STUDENT"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Time the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
