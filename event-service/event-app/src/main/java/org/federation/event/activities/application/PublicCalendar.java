package org.federation.event.activities.application;

import java.time.Instant;

import org.federation.event.activities.domain.Activities;
import org.federation.event.activities.domain.Activity;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.springframework.stereotype.Service;

/**
 * Published (approved) activities for everyone, in time order (a calendar is read forwards),
 * filterable by organising club, category and a date range; and the review queue for staff.
 */
@Service
public class PublicCalendar {

    private final Activities activities;

    PublicCalendar(Activities activities) {
        this.activities = activities;
    }

    /** Activities overlapping [from, to), soonest first. */
    public PageOf<ActivitySnapshot> published(String club, String category, Instant from, Instant to, int page, int size) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new RuleViolationException("to", "the range ends after it starts");
        }
        PageOf<Activity> found = activities.approved(club, category, from, to, page, size);
        return new PageOf<>(found.items().stream().map(Activity::snapshot).toList(), page, size, found.totalItems());
    }

    public ActivitySnapshot publishedOne(String id) {
        Activity activity = activities.find(id).orElse(null);
        if (activity == null || !activity.isPublished()) {
            throw new ResourceNotFoundException("published activity", id);
        }
        return activity.snapshot();
    }

    /** All activities, or those in one state, newest proposal first: the federation's review queue. */
    public PageOf<Activity> all(String state, int page, int size) {
        return activities.newestProposedFirst(state, page, size);
    }
}
