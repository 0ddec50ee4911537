package org.federation.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the {@code Idempotency-Key} header, free of the servlet API and the store: which
 * requests it applies to, what a valid key is, how a key is scoped to its caller, and the
 * fingerprint that tells a retry of a request from another request sent with the same key.
 */
public final class IdempotencyKeys {

    /** The request header a client sends (IETF httpapi "The Idempotency-Key HTTP Header Field"). */
    public static final String HEADER = "Idempotency-Key";
    /** The response header on a replayed response. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The longest key accepted. */
    public static final int MAX_LENGTH = 255;
    /** Whose keys an unauthenticated caller's are. */
    public static final String ANONYMOUS = "anonymous";

    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private IdempotencyKeys() {
    }

    /** Whether a request with this method may carry a key (POST, PUT, PATCH, DELETE); others ignore it. */
    public static boolean appliesTo(String method) {
        return method != null && COMMANDS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Why this key is refused, or empty if it is valid: 1 to {@value #MAX_LENGTH} printable ASCII
     * characters (space to tilde).
     */
    public static Optional<String> problemWith(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (key.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters, but has " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return Optional.of("must be printable ASCII characters only, but has U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    /** The caller a key belongs to: the authenticated principal's name, or {@value #ANONYMOUS}. */
    public static String callerOf(String principal) {
        return principal == null || principal.isBlank() ? ANONYMOUS : principal;
    }

    /**
     * The stored record's {@code _id} for this caller's key: SHA-256 (hex) of the caller's scope
     * and the key, so one caller's key never meets another's.
     *
     * @param principal the authenticated principal's name (the token's subject), or null when anonymous
     */
    public static String recordId(String principal, String key) {
        String scope = principal == null || principal.isBlank() ? ANONYMOUS : "principal:" + principal;
        return sha256().add(scope).add(key).hex();
    }

    /**
     * The id a command derives from this caller's key for what it creates (32 hex characters of
     * SHA-256 over the caller's scope and the key, apart from {@link #recordId}'s).
     */
    public static String derivedId(String principal, String key) {
        return derivedId(principal, key, null);
    }

    /**
     * The id a command derives from this caller's key and the request's {@code fingerprint}: the same for
     * every retry of one request, another for another request sent with the same key (after its record was
     * forgotten), so a key used again for a claim on another budget cannot meet the first claim's records.
     * Without a fingerprint, as {@link #derivedId(String, String)} (a request that began before).
     */
    public static String derivedId(String principal, String key, String fingerprint) {
        String scope = principal == null || principal.isBlank() ? ANONYMOUS : "principal:" + principal;
        Fingerprint id = sha256().add("derived-id").add(scope).add(key);
        if (fingerprint != null) {
            id.add("request").add(fingerprint);
        }
        return id.hex().substring(0, 32);
    }

    /**
     * The fingerprint of a request: SHA-256 (hex) of its method, path, query string, content type
     * and body. A retry has the same fingerprint; another request under the same key does not.
     */
    public static String fingerprint(String method, String path, String query, String contentType, byte[] body) {
        return request(method, path, query, contentType).add(body).hex();
    }

    /**
     * The fingerprint of a request so far (method, path, query string, content type), to which
     * the body is added in parts (for example each part of a multipart upload).
     */
    public static Fingerprint request(String method, String path, String query, String contentType) {
        return sha256().add(method == null ? "" : method.toUpperCase(Locale.ROOT)).add(path).add(query)
                .add(contentType == null ? "" : contentType.strip());
    }

    private static Fingerprint sha256() {
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A SHA-256 digest of a sequence of fields, each length-prefixed so no two sequences collide by concatenation. */
    public static final class Fingerprint {

        private final MessageDigest digest;

        private Fingerprint(MessageDigest digest) {
            this.digest = digest;
        }

        public Fingerprint add(String text) {
            return add(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }

        public Fingerprint add(byte[] bytes) {
            int length = bytes == null ? -1 : bytes.length;
            digest.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
            if (bytes != null) {
                digest.update(bytes);
            }
            return this;
        }

        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
