package org.federation.platform.messaging.consumer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * The operator's command for dead letters, {@code /actuator/deadletters}:
 * <ul>
 * <li>{@code GET /actuator/deadletters}: every consumed topic's dead-letter topic and depth;</li>
 * <li>{@code GET /actuator/deadletters/{topic}}: the group's dead letters of a consumed topic
 *     (e.g. {@code activity.events}) with their error headers;</li>
 * <li>{@code POST /actuator/deadletters/{topic}} with {@code {"records": "0:12,3:4"}}
 *     (partition:offset) or {@code {"records": "all"}}: re-drives them to this group's handler.</li>
 * </ul>
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private static final Pattern POSITION = Pattern.compile("\\d+:\\d+");

    private final DeadLetters deadLetters;
    private final List<String> consumedTopics;

    public DeadLettersEndpoint(DeadLetters deadLetters, List<String> consumedTopics) {
        this.deadLetters = deadLetters;
        this.consumedTopics = consumedTopics;
    }

    @ReadOperation
    public Map<String, Long> depths() {
        Map<String, Long> depths = new java.util.TreeMap<>();
        consumedTopics.forEach(t -> depths.put(deadLetters.deadLetterTopic(t), deadLetters.depth(t)));
        return depths;
    }

    @ReadOperation
    public List<DeadLetters.DeadLetter> list(@Selector String topic) {
        return deadLetters.list(consumed(topic));
    }

    @WriteOperation
    public List<DeadLetters.Redrive> redrive(@Selector String topic, @Nullable String records) {
        String chosen = records == null ? "" : records.strip();
        if (chosen.isEmpty()) {
            throw invalid("say which records to re-drive: \"records\": \"all\" or \"0:12,3:4\"");
        }
        Set<String> positions = new TreeSet<>();
        if (!"all".equals(chosen)) {
            for (String position : Arrays.stream(chosen.split(",")).map(String::strip).toList()) {
                if (!POSITION.matcher(position).matches()) {
                    throw invalid("'" + position + "' is not partition:offset");
                }
                positions.add(position);
            }
        }
        return deadLetters.redrive(consumed(topic), positions);
    }

    /** Answered 400 by Actuator. */
    private static InvalidEndpointRequestException invalid(String reason) {
        return new InvalidEndpointRequestException(reason, reason);
    }

    private String consumed(String topic) {
        if (!consumedTopics.contains(topic)) {
            throw invalid("this service's group consumes " + consumedTopics + ", not " + topic);
        }
        return topic;
    }
}
