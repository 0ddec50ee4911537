package org.federation.notification.workqueue.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of work that wait for someone in the federation, each opened by the event that asks for the
 * work and closed by the event that completes it (docs/notification-service.md, "Work queues").
 */
public enum WorkKind {

    /** A founding application awaits the Organization Department's qualification review. */
    FOUNDING_REVIEW("founding-review", true),
    /** A panel member's ballot at a founding defense hearing. */
    HEARING_VOTE("hearing-vote", true),
    /** An activity proposal awaits the Organization Department's approval. */
    ACTIVITY_PROPOSAL("activity-proposal", false),
    /** An activity's budget request awaits the Finance Department's decision. */
    BUDGET_REQUEST("budget-request", false),
    /** A registration submitted after the deadline awaits the Organization Department's acceptance. */
    LATE_REGISTRATION("late-registration", true),
    /** A club's recorded leader election awaits the Organization Department's confirmation. */
    ELECTION_CONFIRMATION("election-confirmation", true),
    /** A suggestion or complaint awaits its department's answer. */
    FEEDBACK("feedback", false),
    /** A notice asks its recipient to acknowledge it. */
    ACKNOWLEDGEMENT("acknowledgement", false),
    /** A club (or a liaison officer) did not acknowledge a notice in time: the escalation's people chase it. */
    ESCALATION("escalation", false);

    private final String code;
    private final boolean closedBySource;

    WorkKind(String code, boolean closedBySource) {
        this.code = code;
        this.closedBySource = closedBySource;
    }

    /**
     * Whether a later event of the item's source closes every item of this kind it opened
     * ({@link WorkChange.CloseAll}: a resubmission, a new hearing, a handover, a dissolution), so that
     * an opening event re-driven after it must open nothing. Only these kinds' openings look up what
     * the source has already closed; the others are closed one item at a time, by id.
     */
    public boolean closedBySource() {
        return closedBySource;
    }

    /** How the kind is written in the API and the store. */
    public String code() {
        return code;
    }

    public static Optional<WorkKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
