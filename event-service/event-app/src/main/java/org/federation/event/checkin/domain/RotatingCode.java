package org.federation.event.checkin.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An activity's rotating check-in code: six digits from an HMAC of the activity id and the current
 * time window, so every instance computes the same code without storing it. The current and the
 * previous window's codes are accepted (a code shown just before it rotates still works).
 */
public final class RotatingCode {

    private final byte[] secret;
    private final Duration period;

    public RotatingCode(String secret, Duration period) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.period = period;
    }

    public record Shown(String code, Instant validUntil) {
    }

    public Shown current(String activityId, Instant now) {
        long window = window(now);
        return new Shown(code(activityId, window), Instant.ofEpochSecond((window + 1) * period.toSeconds()));
    }

    public boolean accepts(String activityId, String code, Instant now) {
        long window = window(now);
        return code(activityId, window).equals(code) || code(activityId, window - 1).equals(code);
    }

    private long window(Instant now) {
        return now.getEpochSecond() / period.toSeconds();
    }

    private String code(String activityId, long window) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((activityId + ":" + window).getBytes(StandardCharsets.UTF_8));
            int value = ((digest[0] & 0x7f) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
