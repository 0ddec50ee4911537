package org.federation.event.activities.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/** Where activities are kept; each decision is stored with its events in one write. */
public interface Activities {

    /** Stores a new activity as proposed (or otherwise created), with the events of that decision. */
    void add(Decision<Activity> created);

    /**
     * Lets {@code decide} work on the current activity (again on fresh state after a concurrent
     * update) and stores its decision with the events it names; a decision that changes nothing is
     * not written.
     *
     * @return the decision stored
     * @throws org.federation.platform.problem.ResourceNotFoundException if there is no such activity
     */
    Decision<Activity> change(String id, Function<Activity, Decision<Activity>> decide);

    Optional<Activity> find(String id);

    /** Open activities organised by this club that start after {@code after}. */
    List<Activity> upcomingOrganisedBy(String clubId, Instant after);

    /**
     * Approved activities, filtered by organising club, category and overlap with [from, to)
     * (each filter optional), soonest first (then by id): the public calendar.
     */
    PageOf<Activity> approved(String club, String category, Instant from, Instant to, int page, int size);

    /** All activities, or those in one state, newest proposal first: the federation's review queue. */
    PageOf<Activity> newestProposedFirst(String state, int page, int size);

    /** Approved activities that ended before {@code endedBefore} and have no report (submitted or overdue). */
    List<Activity> approvedWithoutReportEndedBefore(Instant endedBefore);
}
