package org.federation.platform.messaging;

/**
 * Declares a MongoDB collection whose documents carry an in-document outbox, and the topic its
 * events go to. An app registers one bean per aggregate collection.
 */
public record OutboxCollection(String collection, String topic) {
}
