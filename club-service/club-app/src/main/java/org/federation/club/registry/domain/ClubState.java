package org.federation.club.registry.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a club is in its lifecycle, and which actions each state allows. The table here is the
 * federation's rulebook: a command outside it is refused, naming the state and what is allowed.
 */
public enum ClubState {
    /** Running normally (registered for the current year, or not yet due). */
    ACTIVE("active", EnumSet.of(ClubAction.REGISTER, ClubAction.MISS_REGISTRATION, ClubAction.RECORD_ELECTION,
            ClubAction.CONFIRM_HANDOVER, ClubAction.FLAG_HANDOVER_OVERDUE, ClubAction.SUSPEND,
            ClubAction.REQUEST_DISSOLUTION, ClubAction.MERGE, ClubAction.ADMIT_MEMBER)),
    /** Missed the registration deadline; may still register late if the department accepts. */
    UNREGISTERED("unregistered", EnumSet.of(ClubAction.REGISTER_LATE, ClubAction.RECORD_ELECTION,
            ClubAction.CONFIRM_HANDOVER, ClubAction.FLAG_HANDOVER_OVERDUE, ClubAction.SUSPEND,
            ClubAction.REQUEST_DISSOLUTION, ClubAction.MERGE, ClubAction.ADMIT_MEMBER)),
    /** Suspended by the presidium; only reinstatement or dissolution. */
    SUSPENDED("suspended", EnumSet.of(ClubAction.REINSTATE, ClubAction.REQUEST_DISSOLUTION)),
    /** Waiting for finance-service to settle the account. */
    DISSOLVING("dissolving", EnumSet.of(ClubAction.COMPLETE_DISSOLUTION, ClubAction.REQUEST_SETTLEMENT_AGAIN)),
    /** Ended. */
    DISSOLVED("dissolved", EnumSet.noneOf(ClubAction.class)),
    /** Ended by merging into a successor. */
    MERGED("merged", EnumSet.noneOf(ClubAction.class));

    private final String value;
    private final Set<ClubAction> allowed;

    ClubState(String value, Set<ClubAction> allowed) {
        this.value = value;
        this.allowed = allowed;
    }

    /** The state with this API value, if any. */
    public static java.util.Optional<ClubState> fromValue(String value) {
        return java.util.Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    public String value() {
        return value;
    }

    public boolean allows(ClubAction action) {
        return allowed.contains(action);
    }

    public Set<ClubAction> allowedActions() {
        return allowed;
    }

    /** Whether the club still exists as a club (not dissolving, dissolved or merged away). */
    public boolean isLive() {
        return this == ACTIVE || this == UNREGISTERED || this == SUSPENDED;
    }
}
