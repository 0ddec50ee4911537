package org.federation.notification.workqueue.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of work that wait for someone in the federation, each opened by the event that asks for the
 * work and closed by the event that completes it (docs/notification-service.md, "Work queues").
 */
public enum WorkKind {

    /** A founding application awaits the Organization Department's qualification review. */
    FOUNDING_REVIEW("founding-review"),
    /** A panel member's ballot at a founding defense hearing. */
    HEARING_VOTE("hearing-vote"),
    /** An activity proposal awaits the Organization Department's approval. */
    ACTIVITY_PROPOSAL("activity-proposal"),
    /** An activity's budget request awaits the Finance Department's decision. */
    BUDGET_REQUEST("budget-request"),
    /** A registration submitted after the deadline awaits the Organization Department's acceptance. */
    LATE_REGISTRATION("late-registration"),
    /** A club's recorded leader election awaits the Organization Department's confirmation. */
    ELECTION_CONFIRMATION("election-confirmation"),
    /** A suggestion or complaint awaits its department's answer. */
    FEEDBACK("feedback"),
    /** A notice asks its recipient to acknowledge it. */
    ACKNOWLEDGEMENT("acknowledgement"),
    /** A club (or a liaison officer) did not acknowledge a notice in time: the escalation's people chase it. */
    ESCALATION("escalation");

    private final String code;

    WorkKind(String code) {
        this.code = code;
    }

    /** How the kind is written in the API and the store. */
    public String code() {
        return code;
    }

    public static Optional<WorkKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
