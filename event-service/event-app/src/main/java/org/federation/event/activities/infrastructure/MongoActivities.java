package org.federation.event.activities.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.event.activities.domain.Activities;
import org.federation.event.activities.domain.Activity;
import org.federation.event.contracts.ActivityTopics;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Activities in {@code activities}, with their outbox on {@code activity.events}: each decision of
 * the {@link Activity} is stored with the events it names, in the same write.
 */
@Repository
class MongoActivities implements Activities {

    static final String COLLECTION = "activities";

    private final AggregateRepository<Activity, Activity> activities;
    private final MongoTemplate mongo;

    MongoActivities(AggregateStore store, MongoTemplate mongo, MongoIndexes indexes) {
        this.activities = store.repository(COLLECTION, ActivityTopics.ACTIVITY_EVENTS, Activity.class);
        this.mongo = mongo;
        // a club's activities; the public calendar and sweeps by state and time (upcoming, ended without a report);
        // the calendar's category filter
        indexes.ensure(COLLECTION, "organiserClubIds", "state", "start");
        indexes.ensure(COLLECTION, "state", "start");
        indexes.ensure(COLLECTION, "state", "end");
        indexes.ensure(COLLECTION, "category", "state", "start");
    }

    @Override
    public void add(Decision<Activity> created) {
        activities.create(created.state().id(), created);
    }

    @Override
    public Decision<Activity> change(String id, Function<Activity, Decision<Activity>> decide) {
        return activities.change(id, "activity", decide);
    }

    @Override
    public Optional<Activity> find(String id) {
        return activities.find(id);
    }

    @Override
    public List<Activity> upcomingOrganisedBy(String clubId, Instant after) {
        return mongo.find(Query.query(where("organiserClubIds").is(clubId).and("start").gt(after)
                .and("state").in(Activity.AWAITING_CONFIRMATION, Activity.PROPOSED, Activity.APPROVED)),
                Activity.class, activities.collection());
    }

    @Override
    public PageOf<Activity> approved(String club, String category, Instant from, Instant to, int page, int size) {
        Criteria filter = where("state").is(Activity.APPROVED);
        if (club != null) {
            filter = filter.and("organiserClubIds").is(club);
        }
        if (category != null) {
            filter = filter.and("category").is(category);
        }
        if (from != null) {
            filter = filter.and("end").gt(from);
        }
        if (to != null) {
            filter = filter.and("start").lt(to);
        }
        Query query = new Query(filter).with(Sort.by(Sort.Direction.ASC, "start").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return new PageOf<>(mongo.find(query, Activity.class, COLLECTION), page, size,
                mongo.count(new Query(filter), COLLECTION));
    }

    @Override
    public PageOf<Activity> newestProposedFirst(String state, int page, int size) {
        Criteria filter = state == null ? new Criteria() : where("state").is(state);
        return NewestFirst.page(mongo, COLLECTION, Activity.class, filter, "proposedAt", page, size);
    }

    @Override
    public List<Activity> approvedWithoutReportEndedBefore(Instant endedBefore) {
        return mongo.find(Query.query(where("state").is(Activity.APPROVED).and("reportState").exists(false)
                .and("end").lt(endedBefore)), Activity.class, COLLECTION);
    }
}
