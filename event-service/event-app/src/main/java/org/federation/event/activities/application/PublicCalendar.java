package org.federation.event.activities.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;

import org.federation.event.activities.domain.Activity;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Published (approved) activities for everyone, in time order (a calendar is read forwards),
 * filterable by organising club, category and a date range; and the review queue for staff.
 */
@Service
public class PublicCalendar {

    static final String ACTIVITIES = "activities";

    private final MongoTemplate mongo;

    PublicCalendar(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Activities overlapping [from, to), soonest first. */
    public PageOf<ActivitySnapshot> published(String club, String category, Instant from, Instant to, int page, int size) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new RuleViolationException("to", "the range ends after it starts");
        }
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
        return new PageOf<>(mongo.find(query, Activity.class, ACTIVITIES).stream().map(Activity::snapshot).toList(),
                page, size, mongo.count(new Query(filter), ACTIVITIES));
    }

    public ActivitySnapshot publishedOne(String id) {
        Activity activity = mongo.findById(id, Activity.class, ACTIVITIES);
        if (activity == null || !activity.isPublished()) {
            throw new ResourceNotFoundException("published activity", id);
        }
        return activity.snapshot();
    }

    /** All activities, or those in one state, newest proposal first: the federation's review queue. */
    public PageOf<Activity> all(String state, int page, int size) {
        Criteria filter = state == null ? new Criteria() : where("state").is(state);
        return org.federation.platform.persistence.NewestFirst.page(mongo, ACTIVITIES, Activity.class, filter,
                "proposedAt", page, size);
    }
}
