package org.federation.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.bson.Document;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.result.UpdateResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stores aggregates together with the events they produce, in one single-document write (the
 * in-document outbox). Works without multi-document transactions, so on the embedded store and
 * on any MongoDB.
 *
 * <p>The state is written field by field with {@code $set} and the new events are {@code $push}ed
 * onto {@code pendingEvents}, guarded by the version that was read. The whole document is never
 * replaced: a replace would put back events the relay has already sent and pulled.
 */
public class AggregateStore {

    private static final String TYPE_HINT = "_class";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final String source;
    private final OutboxRelay relay;
    private final Clock clock;
    private final java.util.function.Supplier<String> traceparent;
    private final RecordedEvents recorded;

    public AggregateStore(MongoTemplate mongo, JsonMapper json, String source, OutboxRelay relay, Clock clock) {
        this(mongo, json, source, relay, clock, () -> null, RecordedEvents.NONE);
    }

    /**
     * @param traceparent the W3C {@code traceparent} of the request or event being handled (null if
     *                    none), kept with every event it causes so the trace goes on at the consumers
     * @param recorded    told of the events each successful write stored (the business counters)
     */
    public AggregateStore(MongoTemplate mongo, JsonMapper json, String source, OutboxRelay relay, Clock clock,
                          java.util.function.Supplier<String> traceparent, RecordedEvents recorded) {
        this.mongo = mongo;
        this.json = json;
        this.source = source;
        this.relay = relay;
        this.clock = clock;
        this.traceparent = traceparent;
        this.recorded = recorded;
    }

    /** Told of the events a write stored, once the write succeeded (so a retried write counts once). */
    @FunctionalInterface
    public interface RecordedEvents {
        RecordedEvents NONE = (collection, events) -> { };

        void stored(String collection, List<DomainEvent> events);
    }

    /**
     * A repository for one kind of aggregate stored as is, whose events go to {@code topic}. Registers
     * the collection as an outbox with the relay and the topic set-up.
     */
    public <A> AggregateRepository<A, A> repository(String collection, String topic, Class<A> type) {
        return repository(collection, topic, type, Function.identity(), Function.identity());
    }

    /**
     * A repository for an aggregate kept in a stored form of its own ({@code storedType}), mapped
     * both ways; otherwise as {@link #repository(String, String, Class)}.
     */
    public <A, D> AggregateRepository<A, D> repository(String collection, String topic, Class<D> storedType,
                                                       Function<? super A, ? extends D> toStored,
                                                       Function<? super D, ? extends A> fromStored) {
        register(collection, topic);
        return new AggregateRepository<>(this, collection, storedType, toStored, fromStored);
    }

    /**
     * Declares a collection whose documents carry an outbox, for a writer that does not go through
     * a repository (e.g. one inserting many documents at once with {@link IdempotentWrites}).
     */
    public void register(String collection, String topic) {
        relay.register(collection, topic);
    }

    /** Loads an aggregate's state with its version, or empty if there is none with this id. */
    public <T> Optional<Versioned<T>> find(String collection, String id, Class<T> type) {
        Document document = mongo.findById(id, Document.class, collection);
        if (document == null) {
            return Optional.empty();
        }
        T state = mongo.getConverter().read(type, document);
        return Optional.of(new Versioned<>(state, longField(document, OutboxFields.VERSION),
                longField(document, OutboxFields.LAST_SEQUENCE)));
    }

    /**
     * Creates a new aggregate with its first events.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the id, or a value under a unique
     *                                                       index, is taken
     */
    public void insert(String collection, String id, Object state, List<DomainEvent> events) {
        // written under the relay's lease, as insertAll writes: the relay sends the events it is
        // handed without claiming and reading the document first (two round trips fewer per write)
        OutboxRelay.NewDocuments leased = relay.leaseNew(collection, List.of(id));
        List<EventEnvelope> envelopes = envelopes(id, 0, events);
        Document document = leasedDocument(leased, id, state, envelopes);
        try {
            mongo.insert(document, collection);
        } catch (RuntimeException e) {
            if (leased != null) {
                relay.abandonNew(leased);
            }
            throw e;
        }
        recorded.stored(collection, events);
        if (leased == null) {
            relay.relaySoon(collection, id);
        } else {
            relay.relayNew(leased, Map.of(id, envelopes));
        }
    }

    /** A new aggregate's document (version 1, its first events pending) with the relay's lease, if it reserved the id. */
    private Document leasedDocument(OutboxRelay.NewDocuments leased, String id, Object state, List<EventEnvelope> events) {
        Document document = documentOf(id, state, events);
        Document lease = leased == null ? null : leased.leaseFor(id);
        if (lease != null) {
            document.put(OutboxFields.LEASE, lease);
        }
        return document;
    }

    private Document documentOf(String id, Object state, List<EventEnvelope> events) {
        Document document = stateDocument(state);
        document.put(OutboxFields.ID, id);
        document.put(OutboxFields.VERSION, 1L);
        document.put(OutboxFields.LAST_SEQUENCE, (long) events.size());
        document.put(OutboxFields.PENDING, events.stream().map(PendingEventCodec::toDocument).toList());
        return document;
    }

    /** A new aggregate and its first events, for {@link #insertAll}. */
    public record NewAggregate(String id, Object state, List<DomainEvent> events) {
    }

    /**
     * Creates many new aggregates with their first events in one unordered {@code insertMany} (a
     * fan-out): one round trip instead of one per aggregate. An aggregate whose id is taken is left
     * as it is (its cause was handled before), so the call is idempotent for ids derived from the cause.
     * While the relay runs, the documents are written under its lease ({@link OutboxRelay#leaseNew})
     * and it sends the events it is handed here, without claiming and reading the documents again.
     *
     * @return the ids of the aggregates this call created; their events are on their way to the broker
     */
    public java.util.Set<String> insertAll(String collection, List<NewAggregate> aggregates) {
        OutboxRelay.NewDocuments leased = relay.leaseNew(collection, aggregates.stream().map(NewAggregate::id).toList());
        List<Document> documents = new ArrayList<>(aggregates.size());
        Map<String, List<EventEnvelope>> events = new java.util.HashMap<>();
        for (NewAggregate aggregate : aggregates) {
            List<EventEnvelope> envelopes = envelopes(aggregate.id(), 0, aggregate.events());
            events.put(aggregate.id(), envelopes);
            documents.add(leasedDocument(leased, aggregate.id(), aggregate.state(), envelopes));
        }
        java.util.Set<String> created = new java.util.LinkedHashSet<>();
        try {
            IdempotentWrites.insertIgnoringDuplicates(mongo, collection, documents).forEach(id -> created.add(id.toString()));
        } catch (RuntimeException e) {
            if (leased != null) {
                relay.abandonNew(leased);
            }
            throw e;
        }
        for (NewAggregate aggregate : aggregates) {
            if (created.contains(aggregate.id())) {
                recorded.stored(collection, aggregate.events());
            }
        }
        if (leased == null) {
            created.forEach(id -> relay.relaySoon(collection, id));
        } else {
            events.keySet().retainAll(created);
            relay.relayNew(leased, events);
        }
        return created;
    }

    /**
     * Writes the aggregate's new state and appends its new events, if nobody changed it since
     * {@code current} was read.
     *
     * @throws ConcurrentAggregateUpdateException if the version moved on
     */
    public void update(String collection, String id, Versioned<?> current, Object newState, List<DomainEvent> events) {
        Update update = new Update();
        Document next = stateDocument(newState);
        next.forEach((field, value) -> {
            if (!OutboxFields.ID.equals(field)) {
                update.set(field, value);
            }
        });
        // the converter leaves null fields out, so a field that became null must be removed explicitly
        stateDocument(current.state()).keySet().stream()
                .filter(field -> !next.containsKey(field) && !OutboxFields.ID.equals(field))
                .forEach(update::unset);
        update.inc(OutboxFields.VERSION, 1);
        if (!events.isEmpty()) {
            update.set(OutboxFields.LAST_SEQUENCE, current.lastSequence() + events.size());
            update.push(OutboxFields.PENDING).each(envelopes(id, current.lastSequence(), events).stream().map(PendingEventCodec::toDocument).toArray());
        }
        UpdateResult result = mongo.updateFirst(query(atVersion(id, current.version())), update, collection);
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentAggregateUpdateException(collection, id, current.version());
        }
        if (!events.isEmpty()) {
            recorded.stored(collection, events);
            relay.relaySoon(collection, id);
        }
    }

    private static final int ATTEMPTS = 5;

    /**
     * Loads the aggregate, lets {@code decide} work out its new state and events, and stores them
     * if nobody changed the aggregate meanwhile; otherwise decides again on the fresh state (a few
     * times, then gives up with {@link ConcurrentAggregateUpdateException}). A decision that
     * changes nothing is not written.
     *
     * @return the decision that was stored (or that changed nothing), or empty if there is no such aggregate
     */
    public <T> Optional<Decision<T>> change(String collection, String id, Class<T> type,
                                            Function<T, Decision<T>> decide) {
        for (int attempt = 1; ; attempt++) {
            Optional<Versioned<T>> found = find(collection, id, type);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Versioned<T> current = found.get();
            Decision<T> decision = decide.apply(current.state());
            if (decision.changesNothing(current.state())) {
                return Optional.of(decision);
            }
            try {
                update(collection, id, current, decision.state(), decision.events());
                return Optional.of(decision);
            } catch (ConcurrentAggregateUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Document stateDocument(Object state) {
        Document document = new Document();
        mongo.getConverter().write(state, document);
        document.remove(TYPE_HINT);
        for (String reserved : List.of(OutboxFields.VERSION, OutboxFields.LAST_SEQUENCE, OutboxFields.PENDING, OutboxFields.LEASE)) {
            if (document.containsKey(reserved)) {
                throw new IllegalArgumentException("aggregate state must not have a field named " + reserved);
            }
        }
        return document;
    }

    private List<EventEnvelope> envelopes(String subject, long lastSequence, List<DomainEvent> events) {
        List<EventEnvelope> documents = new ArrayList<>(events.size());
        Instant now = clock.instant();
        String cause = traceparent.get();
        long sequence = lastSequence;
        for (DomainEvent event : events) {
            sequence++;
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), event.type(), source, subject,
                    now, event.actor(), sequence, json.writeValueAsString(event.payload()), cause);
            documents.add(envelope);
        }
        return documents;
    }

    /**
     * The version check. A document written before its collection had an outbox (plain inserts) has
     * no version; it is read as version 0 and matched as such, so it can be changed and gets one.
     */
    private static org.springframework.data.mongodb.core.query.Criteria atVersion(String id, long version) {
        return version == 0
                ? where(OutboxFields.ID).is(id).orOperator(where(OutboxFields.VERSION).is(0L),
                        where(OutboxFields.VERSION).exists(false))
                : where(OutboxFields.ID).is(id).and(OutboxFields.VERSION).is(version);
    }

    private static long longField(Map<String, Object> document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0L;
    }

}
