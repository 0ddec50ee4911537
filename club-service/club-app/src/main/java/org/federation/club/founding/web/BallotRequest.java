package org.federation.club.founding.web;

import org.federation.club.founding.domain.BallotChoice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A panel member's ballot.
 *
 * @param choice  {@code approve}, {@code reject} or {@code abstain}
 * @param comment why; required to reject (the rejecting comments are the reasons the initiators get)
 */
public record BallotRequest(@NotBlank @Pattern(regexp = "approve|reject|abstain",
        message = "must be one of approve, reject, abstain") String choice,
                            @Size(max = 1000) String comment) {

    BallotChoice toChoice() {
        return BallotChoice.fromValue(choice).orElseThrow();
    }
}
