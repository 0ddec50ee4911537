package org.federation.club.founding.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a founding application is, and which actions each state allows: the federation's unified
 * founding procedure. A command outside this table is refused, naming the state and what is allowed.
 */
public enum FoundingState {
    /** Waiting for the Organization Department's qualification review. */
    SUBMITTED("submitted", EnumSet.of(FoundingAction.REVIEW, FoundingAction.WITHDRAW)),
    /** The review failed a mandatory criterion; the initiators may correct and resubmit. */
    RETURNED("returned", EnumSet.of(FoundingAction.RESUBMIT, FoundingAction.WITHDRAW)),
    /** Passed the review; waiting for its founding defense hearing. */
    QUALIFIED("qualified", EnumSet.of(FoundingAction.SCHEDULE_HEARING, FoundingAction.WITHDRAW)),
    /** A hearing is scheduled; the panel votes from its start until it is closed. */
    HEARING_SCHEDULED("hearing-scheduled", EnumSet.of(FoundingAction.CAST_BALLOT, FoundingAction.CLOSE_HEARING,
            FoundingAction.WITHDRAW)),
    /** The hearing closed without a quorum of ballots; a new one may be scheduled. */
    INCONCLUSIVE("inconclusive", EnumSet.of(FoundingAction.SCHEDULE_HEARING, FoundingAction.WITHDRAW)),
    /** The panel approved; the club is being established. */
    APPROVED("approved", EnumSet.of(FoundingAction.ESTABLISH)),
    /** The club exists. */
    ESTABLISHED("established", EnumSet.noneOf(FoundingAction.class)),
    /** The panel rejected it; the name may be applied for again after the cool-off. */
    REJECTED("rejected", EnumSet.noneOf(FoundingAction.class)),
    /** The initiators withdrew it. */
    WITHDRAWN("withdrawn", EnumSet.noneOf(FoundingAction.class));

    private final String value;
    private final Set<FoundingAction> allowed;

    FoundingState(String value, Set<FoundingAction> allowed) {
        this.value = value;
        this.allowed = allowed;
    }

    public String value() {
        return value;
    }

    public boolean allows(FoundingAction action) {
        return allowed.contains(action);
    }

    public Set<FoundingAction> allowedActions() {
        return allowed;
    }

    /** Whether the application still holds its proposed name (it has not ended). */
    public boolean isOpen() {
        return this != ESTABLISHED && this != REJECTED && this != WITHDRAWN;
    }

    public static Optional<FoundingState> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(FoundingState::value).toList());
    }
}
