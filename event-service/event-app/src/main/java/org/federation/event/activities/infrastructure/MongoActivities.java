package org.federation.event.activities.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.federation.event.activities.domain.Activities;
import org.federation.event.activities.domain.Activity;
import org.federation.event.contracts.ActivityCancelled;
import org.federation.event.contracts.ActivityChanged;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.ActivityPublished;
import org.federation.event.contracts.ActivityTopics;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.problem.ResourceNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Activities in {@code activities}, with their outbox. Nothing is published before approval; from
 * then on every change of a published activity is stored with its event in the same write.
 */
@Repository
class MongoActivities implements Activities {

    static final String COLLECTION = "activities";

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection activityOutbox() {
            return new OutboxCollection(COLLECTION, ActivityTopics.ACTIVITY_EVENTS);
        }
    }

    private final AggregateStore store;
    private final MongoTemplate mongo;

    MongoActivities(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @Override
    public void add(Activity activity) {
        store.insert(COLLECTION, activity.id(), activity, List.of());
    }

    @Override
    public Activity change(String id, UnaryOperator<Activity> change, String actor, String what) {
        Activity[] changed = new Activity[1];
        store.change(COLLECTION, id, Activity.class, current -> {
            changed[0] = change.apply(current);
            return new AggregateStore.Decision<>(changed[0], events(current, changed[0], actor, what));
        }).orElseThrow(() -> new ResourceNotFoundException("activity", id));
        return changed[0];
    }

    static List<NewEvent> events(Activity before, Activity after, String actor, String what) {
        if (after.equals(before)) {
            return List.of();
        }
        if (!before.isPublished() && after.isPublished()) {
            return List.of(new NewEvent(ActivityEventTypes.PUBLISHED, actor, new ActivityPublished(after.snapshot())));
        }
        if (before.isPublished() && Activity.CANCELLED.equals(after.state())) {
            return List.of(new NewEvent(ActivityEventTypes.CANCELLED, actor,
                    new ActivityCancelled(after.snapshot(), after.cancellationReason())));
        }
        if (before.isPublished() && after.isPublished() && !before.snapshot().equals(after.snapshot())) {
            return List.of(new NewEvent(ActivityEventTypes.CHANGED, actor, new ActivityChanged(after.snapshot(), what)));
        }
        return List.of();
    }

    @Override
    public Activity changeAnnouncing(String id, UnaryOperator<Activity> change, String actor, String type,
                                     java.util.function.Function<Activity, Object> payload) {
        Activity[] changed = new Activity[1];
        store.change(COLLECTION, id, Activity.class, current -> {
            changed[0] = change.apply(current);
            List<NewEvent> events = new java.util.ArrayList<>(events(current, changed[0], actor, type));
            if (!changed[0].equals(current)) {
                events.add(new NewEvent(type, actor, payload.apply(changed[0])));
            }
            return new AggregateStore.Decision<>(changed[0], events);
        }).orElseThrow(() -> new ResourceNotFoundException("activity", id));
        return changed[0];
    }

    @Override
    public void announce(String id, String type, String actor, java.util.function.Function<Activity, Object> payload) {
        store.change(COLLECTION, id, Activity.class, current -> new AggregateStore.Decision<>(current,
                List.of(new NewEvent(type, actor, payload.apply(current))))).orElseThrow(
                () -> new ResourceNotFoundException("activity", id));
    }

    @Override
    public Optional<Activity> find(String id) {
        return store.find(COLLECTION, id, Activity.class).map(v -> v.state());
    }

    @Override
    public List<Activity> upcomingOrganisedBy(String clubId, Instant after) {
        return mongo.find(Query.query(where("organiserClubIds").is(clubId).and("start").gt(after)
                .and("state").in(Activity.AWAITING_CONFIRMATION, Activity.PROPOSED, Activity.APPROVED)),
                Activity.class, COLLECTION);
    }
}
