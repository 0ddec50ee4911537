package org.federation.notification.feedback.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The token an anonymous sender follows their feedback with: shown once, kept only as its SHA-256
 * hash, compared in constant time.
 */
public final class FollowUpToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private FollowUpToken() {
    }

    /** A new token: 24 random bytes, URL-safe Base64. */
    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a token. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code token} is the one given when {@code feedback} was sent (never for signed-in feedback). */
    public static boolean matches(Feedback feedback, String token) {
        return token != null && feedback.followUpTokenHash() != null
                && MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.UTF_8),
                feedback.followUpTokenHash().getBytes(StandardCharsets.UTF_8));
    }
}
