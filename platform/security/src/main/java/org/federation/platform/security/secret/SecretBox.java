package org.federation.platform.security.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of secrets kept at rest (a signing key, a webhook's secret, a stored
 * response): every value gets a fresh data key, the value is encrypted with it (AES-256-GCM), and
 * the data key is stored beside it encrypted with the key-encryption key from the environment.
 * A copy of the database alone therefore reveals nothing; a KMS could later hold the
 * key-encryption key without changing the stored form.
 *
 * <p>The <em>context</em> (for example {@code webhook-secrets/<id>}) is authenticated with the
 * value, so a sealed value copied into another record does not open there.
 *
 * <p>Sealed text is {@value #PREFIX}{@code <base64url>}; it names the key-encryption key's id (the
 * first 8 bytes of its SHA-256, hex), so older keys may be kept for opening while a new one seals
 * ({@link #needsResealing}).
 */
public final class SecretBox {

    /** How every sealed text starts, and so how a plaintext value from before is told apart. */
    public static final String PREFIX = "sealed:v1:";
    /** The key-encryption key's length: AES-256. */
    public static final int KEY_BYTES = 32;

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    /**
     * @param current  the key-encryption key new values are sealed with (32 bytes)
     * @param previous older key-encryption keys, only to open values sealed before a rotation
     */
    public SecretBox(byte[] current, List<byte[]> previous) {
        this.currentId = add(current);
        previous.forEach(this::add);
    }

    public SecretBox(byte[] current) {
        this(current, List.of());
    }

    private String add(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a key-encryption key has " + KEY_BYTES + " bytes, not "
                    + (key == null ? 0 : key.length));
        }
        String id = idOf(key);
        keys.putIfAbsent(id, new SecretKeySpec(key.clone(), "AES"));
        return id;
    }

    /** The id sealed values name their key-encryption key by. */
    public static String idOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The current key-encryption key's id. */
    public String keyId() {
        return currentId;
    }

    /** Whether this text is sealed (else it is a plaintext value from before encryption). */
    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    public String seal(String plaintext, String context) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(seal(plaintext.getBytes(StandardCharsets.UTF_8), context));
    }

    public String open(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new SealedValueException("not a sealed value (" + context + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("a sealed value of " + context + " is damaged");
        }
        return new String(open(bytes, context), StandardCharsets.UTF_8);
    }

    /** Whether a sealed value was sealed with an older key-encryption key (so it should be sealed again). */
    public boolean needsResealing(String sealed) {
        if (!isSealed(sealed)) {
            return true;
        }
        try {
            return !currentId.equals(keyIdIn(Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()))));
        } catch (IllegalArgumentException e) {
            return false; // damaged: opening it will say so
        }
    }

    /**
     * Binary form: version, key-encryption key id (8 bytes), the data key's IV and wrapped data
     * key, the value's IV and ciphertext (each GCM output carries its tag).
     */
    public byte[] seal(byte[] plaintext, String context) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey dataKey = generator.generateKey();
            byte[] keyId = HexFormat.of().parseHex(currentId);
            byte[] wrapIv = randomIv();
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, keys.get(currentId), wrapIv, keyId, dataKey.getEncoded());
            byte[] iv = randomIv();
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, dataKey, iv, context.getBytes(StandardCharsets.UTF_8), plaintext);
            return ByteBuffer.allocate(1 + keyId.length + IV_BYTES + 2 + wrapped.length + IV_BYTES + ciphertext.length)
                    .put(VERSION).put(keyId).put(wrapIv).putShort((short) wrapped.length).put(wrapped)
                    .put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a value of " + context, e);
        }
    }

    public byte[] open(byte[] sealed, String context) {
        try {
            ByteBuffer in = ByteBuffer.wrap(sealed);
            if (in.get() != VERSION) {
                throw new SealedValueException("a sealed value of " + context + " has an unknown version");
            }
            byte[] keyId = new byte[8];
            in.get(keyId);
            SecretKey key = keys.get(HexFormat.of().formatHex(keyId));
            if (key == null) {
                throw new SealedValueException("a value of " + context + " was sealed with key-encryption key "
                        + HexFormat.of().formatHex(keyId) + ", which is not configured (current: " + currentId + ")");
            }
            byte[] wrapIv = new byte[IV_BYTES];
            in.get(wrapIv);
            byte[] wrapped = new byte[in.getShort()];
            in.get(wrapped);
            byte[] iv = new byte[IV_BYTES];
            in.get(iv);
            byte[] ciphertext = new byte[in.remaining()];
            in.get(ciphertext);
            SecretKey dataKey = new SecretKeySpec(gcm(Cipher.DECRYPT_MODE, key, wrapIv, keyId, wrapped), "AES");
            return gcm(Cipher.DECRYPT_MODE, dataKey, iv, context.getBytes(StandardCharsets.UTF_8), ciphertext);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof SealedValueException sealedValue) {
                throw sealedValue;
            }
            throw new SealedValueException("a sealed value of " + context + " cannot be opened (damaged, or sealed for "
                    + "another record): " + e.getClass().getSimpleName());
        }
    }

    private static String keyIdIn(byte[] sealed) {
        return sealed.length < 9 ? "" : HexFormat.of().formatHex(sealed, 1, 9);
    }

    private static byte[] randomIv() {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        return iv;
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] iv, byte[] aad, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }

    /** A sealed value that cannot be opened: damaged, moved to another record, or under an unknown key. */
    public static final class SealedValueException extends RuntimeException {

        public SealedValueException(String message) {
            super(message);
        }
    }
}
