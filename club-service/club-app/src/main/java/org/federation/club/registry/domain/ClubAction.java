package org.federation.club.registry.domain;

/** Everything that can happen to a club after it entered the platform, as the API and history name it. */
public enum ClubAction {
    REGISTER("register"),
    REGISTER_LATE("register-late"),
    MISS_REGISTRATION("miss-registration"),
    RECORD_ELECTION("record-election"),
    CONFIRM_HANDOVER("confirm-handover"),
    FLAG_HANDOVER_OVERDUE("flag-handover-overdue"),
    SUSPEND("suspend"),
    REINSTATE("reinstate"),
    REQUEST_DISSOLUTION("request-dissolution"),
    COMPLETE_DISSOLUTION("complete-dissolution"),
    /** The settlement did not come within its deadline: finance-service is asked again (by the system). */
    REQUEST_SETTLEMENT_AGAIN("request-settlement-again"),
    MERGE("merge"),
    ADMIT_MEMBER("admit-member"),
    ASSIGN_LIAISON("assign-liaison"),
    AMEND_PROFILE("amend-profile"),
    APPOINT_LEADER("appoint-leader"),
    /** Entering the platform: the first entry of every history. */
    ESTABLISH("establish"),
    /** Taking in merged-away clubs (the successor's side of a merger). */
    ABSORB("absorb");

    private final String value;

    ClubAction(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
