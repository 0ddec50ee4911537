package org.federation.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Records which collections a service's store commands name while a test drives one feature through
 * its public entry points ({@link #during}), and on whose behalf: an HTTP request (a Tomcat thread), a
 * consumed event (a Kafka listener thread, with the topic it consumes), or anything else (the relay's
 * workers, sweeps, the test's own look into the store). Collection names are string constants that
 * ArchUnit cannot see, so this is how a service's tests notice one feature starting to read or write
 * another feature's (or another service's) collection. A {@link CommandListener} on the service's
 * MongoDB client in every service test context ({@link MongoFilterRecording}).
 */
public final class MongoCollections implements CommandListener {

    /** Whose work a command was. */
    public enum Origin { REQUEST, CONSUMER, OTHER }

    /** One command: its collection (and, for a pipeline, each collection it looks up), on whose behalf. */
    public record Command(String database, String command, Set<String> collections, Origin origin, String topic,
                          String thread) {
    }

    /** The one recorder of this test JVM. */
    public static final MongoCollections INSTANCE = new MongoCollections();

    /** Commands that name a collection as the value of their first key. */
    private static final Set<String> ON_A_COLLECTION = Set.of("find", "insert", "update", "delete", "aggregate",
            "findAndModify", "findandmodify", "count", "distinct", "bulkWrite", "createIndexes", "drop");

    // Spring Cloud Stream names a binding's listener threads after its destination
    private static final Pattern DESTINATION = Pattern.compile("consumerDestinationName='([^']+)'");

    private static final StackWalker WALKER = StackWalker.getInstance();

    private final List<Recording> recordings = new CopyOnWriteArrayList<>();

    private MongoCollections() {
    }

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} and returns what the service (database {@code database}) sent to its store meanwhile. */
    public Touched during(String database, Work work) {
        Recording recording = new Recording(database);
        recordings.add(recording);
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            recordings.remove(recording);
        }
        return new Touched(List.copyOf(recording.commands));
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (recordings.isEmpty() || !ON_A_COLLECTION.contains(event.getCommandName())) {
            return;
        }
        BsonDocument command = event.getCommand();
        if (!command.isString(event.getCommandName())) {
            return; // aggregate: 1, a database-wide pipeline
        }
        Set<String> collections = new TreeSet<>();
        collections.add(command.getString(event.getCommandName()).getValue());
        if (command.isArray("pipeline")) {
            lookedUp(command.getArray("pipeline"), collections);
        }
        Command recorded = null;
        for (Recording recording : recordings) {
            if (recording.database.equals(event.getDatabaseName())) {
                if (recorded == null) {
                    recorded = describe(event, collections);
                }
                recording.commands.add(recorded);
            }
        }
    }

    /** The collections a pipeline's {@code $lookup}, {@code $graphLookup} and {@code $unionWith} stages read. */
    private static void lookedUp(BsonArray pipeline, Set<String> collections) {
        for (BsonValue stage : pipeline) {
            if (!stage.isDocument()) {
                continue;
            }
            for (Map.Entry<String, BsonValue> entry : stage.asDocument().entrySet()) {
                BsonValue spec = entry.getValue();
                switch (entry.getKey()) {
                    case "$lookup", "$graphLookup" -> {
                        if (spec.isDocument() && spec.asDocument().isString("from")) {
                            collections.add(spec.asDocument().getString("from").getValue());
                        }
                        if (spec.isDocument() && spec.asDocument().isArray("pipeline")) {
                            lookedUp(spec.asDocument().getArray("pipeline"), collections);
                        }
                    }
                    case "$unionWith" -> {
                        if (spec.isString()) {
                            collections.add(spec.asString().getValue());
                        } else if (spec.isDocument()) {
                            if (spec.asDocument().isString("coll")) {
                                collections.add(spec.asDocument().getString("coll").getValue());
                            }
                            if (spec.asDocument().isArray("pipeline")) {
                                lookedUp(spec.asDocument().getArray("pipeline"), collections);
                            }
                        }
                    }
                    case "$facet" -> {
                        if (spec.isDocument()) {
                            spec.asDocument().values().stream().filter(BsonValue::isArray)
                                    .forEach(sub -> lookedUp(sub.asArray(), collections));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    /** The synchronous driver reports on the caller's thread, so its stack says on whose behalf. */
    private static Command describe(CommandStartedEvent event, Set<String> collections) {
        Origin origin = WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .map(type -> type.startsWith("org.apache.catalina.") ? Origin.REQUEST
                        : type.startsWith("org.springframework.kafka.listener.") ? Origin.CONSUMER : null)
                .filter(found -> found != null).findFirst().orElse(Origin.OTHER));
        String thread = Thread.currentThread().getName();
        Matcher destination = DESTINATION.matcher(thread);
        String topic = origin == Origin.CONSUMER && destination.find() ? destination.group(1) : null;
        return new Command(event.getDatabaseName(), event.getCommandName(), collections, origin, topic, thread);
    }

    private static final class Recording {
        private final String database;
        private final List<Command> commands = new CopyOnWriteArrayList<>();

        private Recording(String database) {
            this.database = database;
        }
    }

    /** What one recording saw. */
    public record Touched(List<Command> commands) {

        /** The collections HTTP requests' handling named. */
        public Set<String> byRequests() {
            return collections(command -> command.origin() == Origin.REQUEST);
        }

        /** The collections the service's consumers of {@code topic} named. */
        public Set<String> byConsumersOf(String topic) {
            return collections(command -> command.origin() == Origin.CONSUMER && topic.equals(command.topic()));
        }

        private Set<String> collections(java.util.function.Predicate<Command> which) {
            return commands.stream().filter(which).flatMap(command -> command.collections().stream())
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        /** Every command, one line each, for a failure message. */
        public String describe() {
            List<String> lines = new ArrayList<>();
            commands.forEach(c -> lines.add(c.origin() + (c.topic() == null ? "" : "(" + c.topic() + ")") + " "
                    + c.command() + " " + c.collections() + " on " + c.thread()));
            return String.join("\n", lines);
        }
    }
}
