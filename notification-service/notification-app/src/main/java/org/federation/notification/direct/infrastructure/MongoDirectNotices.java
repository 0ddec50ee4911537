package org.federation.notification.direct.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.notification.contracts.NotificationTopics;
import org.federation.notification.direct.domain.DirectNotice;
import org.federation.notification.direct.domain.DirectNoticeRecords;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * {@link DirectNoticeRecords} in {@code direct-notices}, with their outbox on {@code notification.events};
 * the fan-out's lease is {@code fanOutUntil} on the notice's document (claimed by compare-and-set).
 */
@Repository
class MongoDirectNotices implements DirectNoticeRecords {

    static final String COLLECTION = "direct-notices";
    private static final String FAN_OUT_UNTIL = "fanOutUntil";

    private final MongoTemplate mongo;
    private final AggregateRepository<DirectNotice, DirectNotice> directNotices;

    MongoDirectNotices(MongoTemplate mongo, MongoIndexes indexes, AggregateStore store) {
        this.mongo = mongo;
        this.directNotices = store.repository(COLLECTION, NotificationTopics.NOTIFICATION_EVENTS, DirectNotice.class);
        // a department's direct notices; the fan-out sweep by state
        indexes.ensure(COLLECTION, "department");
        indexes.ensure(COLLECTION, "state");
    }

    @Override
    public void create(DirectNotice notice) {
        directNotices.create(notice.id(), Decision.quietly(notice));
    }

    @Override
    public Optional<DirectNotice> find(String id) {
        return directNotices.find(id);
    }

    @Override
    public PageOf<DirectNotice> newestFirst(String department, int page, int size) {
        Criteria filter = department == null ? new Criteria() : where("department").is(department);
        return NewestFirst.page(mongo, COLLECTION, DirectNotice.class, filter, "createdAt", page, size);
    }

    @Override
    public void change(String id, Function<DirectNotice, Decision<DirectNotice>> decide) {
        directNotices.change(id, decide);
    }

    @Override
    public boolean claimFanOut(String id, Instant now, Instant until) {
        Criteria free = new Criteria().orOperator(where(FAN_OUT_UNTIL).is(null), where(FAN_OUT_UNTIL).lt(now));
        return mongo.updateFirst(query(new Criteria().andOperator(where("_id").is(id),
                where("state").is(DirectNotice.SENDING), free)), new Update().set(FAN_OUT_UNTIL, until), COLLECTION)
                .getModifiedCount() == 1;
    }

    @Override
    public void releaseFanOut(String id, Instant until) {
        // only our own lease: one that lapsed and another instance claimed is theirs
        mongo.updateFirst(query(where("_id").is(id).and(FAN_OUT_UNTIL).is(until)), new Update().unset(FAN_OUT_UNTIL),
                COLLECTION);
    }

    @Override
    public List<DirectNotice> sending() {
        return mongo.find(query(where("state").is(DirectNotice.SENDING)), DirectNotice.class, COLLECTION);
    }
}
