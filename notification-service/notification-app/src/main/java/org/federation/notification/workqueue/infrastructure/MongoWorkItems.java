package org.federation.notification.workqueue.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.federation.notification.workqueue.domain.WorkChange;
import org.federation.notification.workqueue.domain.WorkItem;
import org.federation.notification.workqueue.domain.WorkItems;
import org.federation.notification.workqueue.domain.WorkKind;
import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Work items in {@code work-items}, one document each, open or closed. Closed ones stay (they are small):
 * an opening event redelivered, re-driven or arriving after its closing event finds its item closed and
 * opens nothing. {@code work-item-sources} records, per source aggregate and kind closed by its source
 * ({@link WorkKind#closedBySource}), the sequence before which every item is done ({@code doneBefore}), for
 * an old opening event re-driven after the source's later events.
 * Every write is a single-document insert or conditional update (several instances, no transactions).
 */
@Repository
class MongoWorkItems implements WorkItems {

    static final String COLLECTION = "work-items";
    static final String SOURCES = "work-item-sources";
    static final String OPEN = "open";
    static final String CLOSED = "closed";
    /** Sorts work without a deadline after the rest, and stands for "never" as a lapse time (never shown). */
    private static final Date NEVER = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    MongoWorkItems(MongoTemplate mongo, MongoIndexes indexes) {
        this.mongo = mongo;
        this.writes = new IdempotentWrites(mongo);
        // a queue: open items awaiting someone, not lapsed, by deadline (then by when they were opened)
        indexes.ensure(COLLECTION, "awaiting", "state", "sortDeadline", "openedAt");
        // closing a source's items (a ballot, a resubmission, a confirmed handover, a dissolution)
        indexes.ensure(COLLECTION, "source", "kind", "state");
    }

    @Override
    public void open(WorkItem item) {
        if (item.kind().closedBySource() && item.openSequence() < doneBefore(item.kind(), item.source())) {
            return; // its source moved past it: an old event re-driven
        }
        Document document = new Document("_id", item.id())
                .append("kind", item.kind().code())
                .append("title", item.title())
                .append("awaiting", item.awaiting())
                .append("deadline", date(item.deadline()))
                .append("sortDeadline", item.deadline() == null ? NEVER : date(item.deadline()))
                .append("lapsesAt", item.lapsesAt() == null ? NEVER : date(item.lapsesAt()))
                .append("service", item.service())
                .append("link", item.link())
                .append("openedAt", date(item.openedAt()))
                .append("source", item.source())
                .append("openSequence", item.openSequence())
                .append("ref", item.ref())
                .append("state", OPEN);
        if (!writes.insertOnce(COLLECTION, document)) {
            // there already: open (an escalation's next step may await more people) or closed (nothing to do)
            mongo.updateFirst(query(where("_id").is(item.id()).and("state").is(OPEN)),
                    new Update().addToSet("awaiting").each(item.awaiting().toArray()), COLLECTION);
        }
    }

    /**
     * The sequence before which every item of {@code kind} from {@code source} is done (0: none closed).
     * Only kinds closed by their source have one: for the others (a notice's acknowledgement, one per
     * recipient) the read is skipped, one store call less per item opened.
     */
    private long doneBefore(WorkKind kind, String source) {
        return Optional.ofNullable(mongo.findById(sourceKey(kind, source), Document.class, SOURCES))
                .map(d -> d.get("doneBefore", Number.class).longValue()).orElse(0L);
    }

    @Override
    public void close(WorkChange.Close close) {
        if (closeOpen(close)) {
            return;
        }
        // not there yet (its closing event came first) or already closed: a tombstone takes the id
        Document tombstone = new Document("_id", close.id()).append("state", CLOSED)
                .append("closedAt", date(close.at())).append("closedBy", close.closedBy());
        if (!writes.insertOnce(COLLECTION, tombstone)) {
            closeOpen(close); // opened between our update and our insert (another partition's consumer): close it now
        }
    }

    private boolean closeOpen(WorkChange.Close close) {
        return mongo.updateFirst(query(where("_id").is(close.id()).and("state").is(OPEN)), closing(close.closedBy(),
                close.at()), COLLECTION).getModifiedCount() > 0;
    }

    @Override
    public void closeAll(WorkChange.CloseAll close) {
        Criteria filter = where("source").is(close.source()).and("kind").is(close.kind().code()).and("state").is(OPEN)
                .and("openSequence").lt(close.sequence());
        if (close.awaiting() != null) {
            filter = filter.and("awaiting").is(close.awaiting());
        }
        if (close.ref() != null) {
            filter = filter.and("ref").is(close.ref());
        }
        mongo.updateMulti(new Query(filter), closing(close.closedBy(), close.at()), COLLECTION);
        if (close.whole()) {
            // monotonic: only ever raised, so a redelivered older close cannot lower it
            String key = sourceKey(close.kind(), close.source());
            if (mongo.updateFirst(query(where("_id").is(key).and("doneBefore").lt(close.sequence())),
                    new Update().set("doneBefore", close.sequence()), SOURCES).getMatchedCount() == 0) {
                writes.insertOnce(SOURCES, new Document("_id", key).append("doneBefore", close.sequence()));
            }
        }
    }

    @Override
    public Optional<Instant> deadlineOf(String id) {
        Document found = mongo.findById(id, Document.class, COLLECTION);
        return Optional.ofNullable(found).map(d -> d.getDate("deadline")).map(Date::toInstant);
    }

    @Override
    public PageOf<WorkItem> awaiting(String owner, Instant now, int page, int size) {
        Query open = query(where("awaiting").is(owner).and("state").is(OPEN).and("lapsesAt").gt(Date.from(now)));
        long total = mongo.count(open, COLLECTION);
        List<WorkItem> items = mongo.find(open.with(Sort.by("sortDeadline", "openedAt", "_id"))
                        .skip((long) page * size).limit(size), Document.class, COLLECTION).stream()
                .map(MongoWorkItems::item).toList();
        return new PageOf<>(items, page, size, total);
    }

    private static WorkItem item(Document d) {
        Date lapses = d.getDate("lapsesAt");
        return new WorkItem(d.getString("_id"), WorkKind.of(d.getString("kind")).orElseThrow(), d.getString("title"),
                d.getList("awaiting", String.class), instant(d.getDate("deadline")),
                lapses == null || lapses.equals(NEVER) ? null : lapses.toInstant(), d.getString("service"),
                d.getString("link"), instant(d.getDate("openedAt")), d.getString("source"),
                d.get("openSequence", Number.class).longValue(), d.getString("ref"));
    }

    private static Update closing(String closedBy, Instant at) {
        return new Update().set("state", CLOSED).set("closedAt", date(at)).set("closedBy", closedBy);
    }

    private static String sourceKey(WorkKind kind, String source) {
        return kind.code() + ":" + source;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
