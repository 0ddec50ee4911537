package org.federation.notification.escalation.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.federation.notification.contracts.NotificationTopics;
import org.federation.notification.escalation.domain.Escalation;
import org.federation.notification.escalation.domain.EscalationRecords;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Escalations, one document per group of a direct notice, with an in-document outbox for their
 * {@code notice-escalated} events. An instance works on an escalation only after claiming it with
 * a conditional single-document update (a lease), so several instances never take a step twice.
 */
@Repository
public class Escalations implements EscalationRecords {

    public static final String COLLECTION = "escalations";
    private static final String CLAIMED_UNTIL = "claimedUntil";
    private static final String CLAIMED_BY = "claimedBy";

    private final MongoTemplate mongo;
    private final AggregateRepository<Escalation, Escalation> escalations;
    private final String instance = UUID.randomUUID().toString();

    Escalations(MongoTemplate mongo, MongoIndexes indexes, AggregateStore store) {
        this.mongo = mongo;
        this.escalations = store.repository(COLLECTION, NotificationTopics.NOTIFICATION_EVENTS, Escalation.class);
        // a direct notice's escalations; the escalation sweep (waiting ones due)
        indexes.ensure(COLLECTION, "directNoticeId");
        indexes.ensure(COLLECTION, "status", "dueAt");
    }

    /** Opens the escalation unless it exists (a resumed fan-out opens it again). */
    @Override
    public void open(Decision<Escalation> opened) {
        try {
            escalations.create(opened.state().id(), opened);
        } catch (DuplicateKeyException alreadyOpen) {
            // opened by an earlier attempt
        }
    }

    @Override
    public void openAll(List<Decision<Escalation>> opened) {
        escalations.createAll(opened, Escalation::id);
    }

    @Override
    public Optional<Escalation> find(String id) {
        return escalations.find(id);
    }

    /**
     * Decides on the escalation's current state and stores the decision (deciding again if another
     * writer got there first); empty if there is no such escalation.
     */
    @Override
    public Optional<Decision<Escalation>> change(String id, Function<? super Escalation, Decision<Escalation>> decide) {
        return escalations.change(id, decide);
    }

    @Override
    public List<Escalation> ofDirectNotice(String directNoticeId) {
        return mongo.find(query(where("directNoticeId").is(directNoticeId)), Escalation.class, COLLECTION);
    }

    /** Ids of escalations with a step due by {@code now}. */
    @Override
    public List<String> dueIds(Instant now, int limit) {
        var due = query(dueBy(now)).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** Claims a due escalation for {@code lease}; false if it is not due or another instance holds it. */
    @Override
    public boolean claim(String id, Instant now, Instant realNow, Duration lease) {
        // due by business time; the lease by the real time (moving business time frees no claim)
        Criteria free = new Criteria().orOperator(where(CLAIMED_UNTIL).is(null), where(CLAIMED_UNTIL).lt(realNow));
        var result = mongo.updateFirst(query(new Criteria().andOperator(where("_id").is(id), dueBy(now), free)),
                new Update().set(CLAIMED_UNTIL, realNow.plus(lease)).set(CLAIMED_BY, instance), COLLECTION);
        return result.getModifiedCount() == 1;
    }

    @Override
    public void release(String id) {
        mongo.updateFirst(query(where("_id").is(id).and(CLAIMED_BY).is(instance)),
                new Update().unset(CLAIMED_UNTIL).unset(CLAIMED_BY), COLLECTION);
    }

    private static Criteria dueBy(Instant now) {
        return where("status").in(Escalation.WAITING, Escalation.ESCALATED_TO_LIAISON).and("dueAt").lte(now);
    }
}
