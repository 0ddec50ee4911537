package org.federation.platform.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.BsonDocument;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/**
 * Counts the documents the store hands back to the service, per collection, for the commands
 * that mention a watched value (a direct notice's id, say) and the further batches of their
 * cursors: how a test tells a query that returns one page from one that loads everything and
 * pages in memory, whatever the response looks like after. On the MongoDB client of every service
 * test context, with {@link MongoCollections} and {@link MongoFilters} ({@link MongoFilterRecording}).
 */
public final class MongoReads implements CommandListener {

    public static final MongoReads INSTANCE = new MongoReads();

    private final Map<String, AtomicLong> returned = new ConcurrentHashMap<>();
    private final Map<Integer, String> requests = new ConcurrentHashMap<>();
    private final Map<Long, String> cursors = new ConcurrentHashMap<>();

    private MongoReads() {
    }

    /** Starts counting (from zero) what commands mentioning {@code value} get back. */
    public void watch(String value) {
        returned.keySet().removeIf(key -> key.startsWith(value + " "));
        returned.put(value + " ", new AtomicLong());
    }

    /** Documents returned so far from {@code collection} to commands mentioning {@code value}. */
    public long documentsReturned(String value, String collection) {
        AtomicLong count = returned.get(value + " " + collection);
        return count == null ? 0 : count.get();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (returned.isEmpty()) {
            return;
        }
        BsonDocument command = event.getCommand();
        if ("getMore".equals(event.getCommandName())) {
            String watched = cursors.get(command.getInt64("getMore").getValue());
            if (watched != null) {
                requests.put(event.getRequestId(), watched);
            }
            return;
        }
        if (!command.isString(event.getCommandName())) {
            return;
        }
        String json = command.toJson();
        String collection = command.getString(event.getCommandName()).getValue();
        returned.keySet().stream().filter(key -> key.endsWith(" ")).map(String::strip)
                .filter(json::contains).findFirst()
                .ifPresent(value -> requests.put(event.getRequestId(), value + " " + collection));
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        String key = requests.remove(event.getRequestId());
        if (key == null || !event.getResponse().isDocument("cursor")) {
            return;
        }
        BsonDocument cursor = event.getResponse().getDocument("cursor");
        String batch = cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch";
        returned.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(cursor.getArray(batch).size());
        long id = cursor.getInt64("id").getValue();
        if (id != 0) {
            cursors.put(id, key);
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        requests.remove(event.getRequestId());
    }
}
