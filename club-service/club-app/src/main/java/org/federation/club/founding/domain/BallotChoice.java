package org.federation.club.founding.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a panel member votes. */
public enum BallotChoice {
    APPROVE("approve"),
    REJECT("reject"),
    ABSTAIN("abstain");

    private final String value;

    BallotChoice(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<BallotChoice> fromValue(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst();
    }
}
