package org.federation.club.credential.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.federation.club.credential.application.MemberCredentialIssuer;
import org.federation.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The member-credential public keys as a JWKS document (RFC 7517), open to anonymous callers so
 * that an offline door scanner or another university's system can verify a member credential
 * without Kafka. Every published key is listed, the retired ones too: they still verify what they
 * signed until it expires. Only public parts are ever written (each key is re-read as a JWK and
 * reduced to its public form, whatever was stored).
 *
 * <p>Cacheable: {@code Cache-Control: public, max-age} and a strong {@code ETag} over the document,
 * so a verifier revalidates with {@code If-None-Match} and gets 304 until a rotation adds a key.
 * The max-age is short enough that a new key is fetched before many credentials carry it.
 */
@RestController
class CredentialKeySetController {

    /** The key set is public data (design, "Open to anonymous callers"). */
    @Configuration(proxyBeanMethods = false)
    static class PublicKeySet {
        @Bean
        PublicEndpoints publicCredentialKeySet() {
            return PublicEndpoints.reading(CredentialKeySetController.PATH);
        }
    }

    static final String PATH = "/api/credentials/jwks";
    static final String MEDIA_TYPE = "application/jwk-set+json";
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final MemberCredentialIssuer credentials;

    CredentialKeySetController(MemberCredentialIssuer credentials) {
        this.credentials = credentials;
    }

    @GetMapping(path = PATH, produces = {MEDIA_TYPE, "application/json"})
    ResponseEntity<Map<String, Object>> keySet(WebRequest request) {
        List<JWK> published = credentials.publishedKeys().stream().map(CredentialKeySetController::publicPartOf).toList();
        Map<String, Object> document = new JWKSet(published).toJSONObject(true);
        String etag = "\"" + digestOf(new JWKSet(published).toString(true)) + "\"";
        CacheControl caching = CacheControl.maxAge(MAX_AGE).cachePublic();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(caching).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(caching).body(document);
    }

    private static JWK publicPartOf(Map<String, Object> stored) {
        try {
            return JWK.parse(stored).toPublicJWK();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("a published member-credential key cannot be read", e);
        }
    }

    private static String digestOf(String document) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
