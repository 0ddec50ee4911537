package org.federation.event.checkin.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

import org.federation.club.contracts.MemberCredentials;
import org.federation.event.checkin.domain.CredentialKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Verifies scanned member credentials offline, each distinct credential's ES256 signature once: the
 * signature check is most of a scan's CPU, and people scan the same credential again (twice at the
 * door, at every activity). What a verified credential says is remembered under the SHA-256 of its
 * exact characters, so only the very same credential is recognised; one differing in any byte (another
 * signature over the same claims) is verified afresh. Expiry and revocation are <em>not</em> remembered:
 * they are checked at every scan ({@link MemberCredentials#stillValid}), so a revocation published after
 * a credential was first verified refuses it at once. Bounded in size and age; per instance.
 */
@Component
public class CredentialVerifier {

    private final CredentialKeys keys;
    private final Cache<ByteBuffer, MemberCredentials.Holder> verified;

    CredentialVerifier(CredentialKeys keys,
                       @Value("${federation.check-in.verified-credentials.maximum-size:100000}") long maximumSize,
                       @Value("${federation.check-in.verified-credentials.lifetime:PT1H}") Duration lifetime) {
        this.keys = keys;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(lifetime).build();
    }

    /** The credential's holder if it is validly signed by a published key, unexpired at {@code now} and not revoked; else why not. */
    public MemberCredentials.Verification verify(String credential, Instant now) {
        ByteBuffer digest = digest(credential == null ? "" : credential);
        MemberCredentials.Holder holder = verified.getIfPresent(digest);
        if (holder == null) {
            MemberCredentials.Verification signed = MemberCredentials.verifySignature(credential, keys::publicKey);
            if (!signed.valid()) {
                return signed; // a refusal is not remembered: a key published later may make it valid
            }
            holder = signed.holder();
            verified.put(digest, holder);
        }
        return MemberCredentials.stillValid(holder, keys::newestRevocation, now);
    }

    private static ByteBuffer digest(String credential) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
