package org.federation.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.federation.platform.messaging.EventEnvelope;

/**
 * Sends hand-made records straight to a topic: duplicates, poison messages, events from a
 * service that is not running in the test.
 */
public final class RawEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public RawEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** An envelope with fresh id and time, for sending with {@link #send(String, EventEnvelope)}. */
    public static EventEnvelope envelope(String type, String source, String subject, long sequence, String json) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, source, subject, Instant.now(), "system",
                sequence, json);
    }

    public void send(String topic, EventEnvelope event) {
        sendRecord(event.toRecord(topic));
    }

    /** A record with the given key and body and no envelope at all. */
    public void sendWithoutEnvelope(String topic, String key, String body) {
        sendRecord(new ProducerRecord<>(topic, key, body.getBytes(StandardCharsets.UTF_8)));
    }

    private void sendRecord(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send test record to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
