package org.federation.platform.messaging.consumer;

import java.util.List;

import org.federation.platform.messaging.MalformedEventException;

/**
 * Sorts a consumer's failure into one of three kinds, looking through the wrappers the container
 * and the binder put around it:
 * <ul>
 * <li>{@link Kind#POISON}: the message itself can never be processed ({@link MalformedEventException});
 *     it goes to the dead-letter topic at once;</li>
 * <li>{@link Kind#TRANSIENT}: the service's own infrastructure failed (the store is down or timed
 *     out); the message is valid, so it is retried until the store answers and never dead-lettered;</li>
 * <li>{@link Kind#OTHER}: anything else (a bug, a rule the handler refuses); retried a few times,
 *     then dead-lettered so the partition keeps moving.</li>
 * </ul>
 */
public final class ConsumerFailures {

    /** How a failed message is treated. */
    public enum Kind { POISON, TRANSIENT, OTHER }

    /**
     * Infrastructure failures, by class name so that the kit does not need every driver on its
     * class path: Spring's data-access families for "try again later" and the MongoDB driver's
     * connection and timeout errors (which Spring translates, but a direct driver call may not).
     */
    private static final List<String> TRANSIENT = List.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoExecutionTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "java.net.ConnectException",
            "java.net.SocketTimeoutException");

    private ConsumerFailures() {
    }

    public static Kind classify(Throwable failure) {
        boolean transientSeen = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException) {
                return Kind.POISON; // a poison message stays poison, whatever else failed around it
            }
            transientSeen |= isTransient(t.getClass());
        }
        return transientSeen ? Kind.TRANSIENT : Kind.OTHER;
    }

    /**
     * The failure as the handler raised it: the first cause that is not one of the container's or
     * binder's wrappers ({@code ListenerExecutionFailedException}, {@code MessagingException}s).
     */
    public static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && isWrapper(t)) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isWrapper(Throwable t) {
        return t instanceof org.springframework.kafka.listener.ListenerExecutionFailedException
                || t instanceof org.springframework.messaging.MessagingException;
    }

    private static boolean isTransient(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (TRANSIENT.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
