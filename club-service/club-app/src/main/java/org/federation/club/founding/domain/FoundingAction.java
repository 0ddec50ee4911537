package org.federation.club.founding.domain;

/** Everything that can happen to a founding application, as the API and its history name it. */
public enum FoundingAction {
    SUBMIT("submit"),
    RESUBMIT("resubmit"),
    REVIEW("review"),
    SCHEDULE_HEARING("schedule-hearing"),
    CAST_BALLOT("cast-ballot"),
    CLOSE_HEARING("close-hearing"),
    /** The panel's decision, computed from the ballots when the last panel member votes. */
    DECIDE("decide"),
    /** The approved club is created and announced (by the command that approved it, a retry, or the sweep). */
    ESTABLISH("establish"),
    /** The initiators withdraw an open application (listed last among what a state allows). */
    WITHDRAW("withdraw");

    private final String value;

    FoundingAction(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
