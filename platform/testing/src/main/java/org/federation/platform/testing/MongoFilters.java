package org.federation.platform.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Records every filter a service sends to its store (find, count, aggregate's first
 * {@code $match}, update, delete, findAndModify, distinct), as a {@link CommandListener} on the
 * service's MongoDB client during its service tests ({@link MongoFilterRecording}), one entry per
 * shape (collection, command and the filter's fields). {@link IndexCoverage} then checks each
 * against the indexes the service declares: the embedded store ignores non-unique indexes, so
 * only this check notices a query that a real MongoDB would answer by scanning.
 */
public final class MongoFilters implements CommandListener {

    /** One recorded filter: the fields it constrains, per {@code $or} branch. */
    public record Recorded(String database, String collection, String command, List<Set<String>> branches,
                           String example) {
    }

    /** The one recorder of this test JVM (a service's tests share one JVM and one context). */
    public static final MongoFilters INSTANCE = new MongoFilters();

    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

    private final Map<String, Recorded> byShape = new ConcurrentHashMap<>();

    private MongoFilters() {
    }

    /** What has been recorded so far. */
    public Collection<Recorded> recorded() {
        return List.copyOf(byShape.values());
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (SYSTEM_DATABASES.contains(event.getDatabaseName()) || sentByTestCode()) {
            return;
        }
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        switch (name) {
            case "find", "count", "distinct" -> record(event, name, command.getString(name).getValue(),
                    command.isDocument("filter") ? command.getDocument("filter") : command.isDocument("query")
                            ? command.getDocument("query") : new BsonDocument());
            case "findAndModify", "findandmodify" -> record(event, "findAndModify", command.getString(name).getValue(),
                    command.isDocument("query") ? command.getDocument("query") : new BsonDocument());
            case "aggregate" -> {
                if (command.get("aggregate").isString()) {
                    BsonArray pipeline = command.getArray("pipeline", new BsonArray());
                    BsonDocument match = !pipeline.isEmpty() && pipeline.get(0).asDocument().isDocument("$match")
                            ? pipeline.get(0).asDocument().getDocument("$match") : new BsonDocument();
                    record(event, name, command.getString(name).getValue(), match);
                }
            }
            case "update", "delete" -> {
                String field = name.equals("update") ? "updates" : "deletes";
                // the statements may travel as a document sequence rather than in the command body
                if (command.isArray(field)) {
                    for (BsonValue statement : command.getArray(field)) {
                        BsonDocument q = statement.asDocument().getDocument("q", new BsonDocument());
                        record(event, name, command.getString(name).getValue(), q);
                    }
                }
            }
            default -> {
            }
        }
    }

    /**
     * A test's own look into the store (a check, a clean-up) is not a query the service runs: the
     * innermost federation class on the calling thread's stack (the synchronous driver reports on
     * the caller's thread) decides; test classes come from {@code test-classes}, and this module's
     * helpers are test code too.
     */
    private static boolean sentByTestCode() {
        return WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type.getName().startsWith("org.federation.") && type != MongoFilters.class
                        && !type.getName().startsWith("org.federation.platform.testing.MongoFilter"))
                .findFirst().map(MongoFilters::isTestCode).orElse(false));
    }

    private static boolean isTestCode(Class<?> type) {
        return TEST_CODE.computeIfAbsent(type, t -> {
            if (t.getName().startsWith("org.federation.platform.testing.")) {
                return true;
            }
            var source = t.getProtectionDomain().getCodeSource();
            return source != null && source.getLocation().toString().contains("/test-classes/");
        });
    }

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Map<Class<?>, Boolean> TEST_CODE = new ConcurrentHashMap<>();

    private void record(CommandStartedEvent event, String command, String collection, BsonDocument filter) {
        List<Set<String>> branches = branches(filter);
        String shape = event.getDatabaseName() + "." + collection + " " + command + " " + branches;
        byShape.computeIfAbsent(shape, s -> new Recorded(event.getDatabaseName(), collection, command, branches,
                filter.toJson()));
    }

    /**
     * The fields a filter constrains: one set per alternative ({@code $or} at any level splits the
     * filter into branches, each of which an index must serve); {@code $and} is merged.
     */
    static List<Set<String>> branches(BsonDocument filter) {
        List<Set<String>> branches = new ArrayList<>();
        branches.add(new TreeSet<>());
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            String key = entry.getKey();
            if (key.equals("$and")) {
                for (BsonValue part : entry.getValue().asArray()) {
                    branches = cross(branches, branches(part.asDocument()));
                }
            } else if (key.equals("$or") || key.equals("$nor")) {
                List<Set<String>> alternatives = new ArrayList<>();
                for (BsonValue part : entry.getValue().asArray()) {
                    alternatives.addAll(branches(part.asDocument()));
                }
                branches = cross(branches, alternatives);
            } else if (!key.startsWith("$")) {
                for (Set<String> branch : branches) {
                    branch.add(key);
                    // {trainees: {$elemMatch: {studentNumber: …}}} is served by an index on trainees.studentNumber
                    if (entry.getValue().isDocument() && entry.getValue().asDocument().isDocument("$elemMatch")) {
                        entry.getValue().asDocument().getDocument("$elemMatch").keySet().stream()
                                .filter(sub -> !sub.startsWith("$")).forEach(sub -> branch.add(key + "." + sub));
                    }
                }
            }
        }
        return branches;
    }

    private static List<Set<String>> cross(List<Set<String>> left, List<Set<String>> right) {
        List<Set<String>> result = new ArrayList<>();
        for (Set<String> l : left) {
            for (Set<String> r : right) {
                Set<String> both = new TreeSet<>(l);
                both.addAll(r);
                result.add(both);
            }
        }
        return result;
    }
}
