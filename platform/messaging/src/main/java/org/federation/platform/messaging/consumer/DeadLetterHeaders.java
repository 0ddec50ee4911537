package org.federation.platform.messaging.consumer;

/** The headers a dead letter carries besides the original record's own (the binder's names). */
public final class DeadLetterHeaders {

    public static final String EXCEPTION_MESSAGE = "x-exception-message";
    public static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";
    public static final String EXCEPTION_FQCN = "x-exception-fqcn";
    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";

    private DeadLetterHeaders() {
    }

    /** Whether a header was added by dead-lettering (and is dropped when the record is re-driven). */
    public static boolean isDeadLetterHeader(String name) {
        return name.startsWith("x-exception") || name.startsWith("x-original") || name.startsWith("x-key-exception");
    }
}
