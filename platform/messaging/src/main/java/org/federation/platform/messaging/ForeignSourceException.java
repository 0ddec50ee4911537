package org.federation.platform.messaging;

/**
 * An event on an owner topic that names another service as its source ({@code ce_source}): it is
 * poison (never retried, dead-lettered at once) and must grant nothing. See {@link TopicOwners}.
 */
public class ForeignSourceException extends MalformedEventException {

    public ForeignSourceException(String message) {
        super(message);
    }
}
