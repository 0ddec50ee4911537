package org.federation.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Names of the Kafka headers that carry the CloudEvents envelope (binary mode), as fixed by the
 * platform's contracts, and one way to read them back.
 *
 * <p>Spring Cloud Function treats {@code ce_} headers as CloudEvents attributes and may hand
 * them to a consumer renamed to {@code ce-…} and as {@code byte[]}; {@link #read} accepts both
 * spellings and both representations so no consumer has to care.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ACTOR = "ce_actor";
    /** The per-aggregate sequence as a CloudEvents extension, so a CloudEvents library sees it. */
    public static final String CE_SEQUENCE = "ce_sequence";
    /**
     * The sequence under its first name, still written (and read when {@link #CE_SEQUENCE} is
     * absent) until every consumer reads the extension.
     */
    public static final String SEQUENCE = "sequence";
    /** The payload's media type ({@code datacontenttype} in the CloudEvents Kafka binding). */
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    public static final String SPEC_VERSION_1_0 = "1.0";

    private CloudEventHeaders() {
    }

    /** The header's value as a string, under its {@code ce_} or {@code ce-} name, or null if absent. */
    public static String read(Map<String, ?> headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            value = headers.get("ce-" + name.substring(3));
        }
        return asString(value);
    }

    static String asString(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
