package org.federation.club.registry.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a club's history of {@link Transition}s for what it decides from them (the state a
 * suspension interrupted, the dissolution saga's requests), so the club does not hold that
 * bookkeeping twice.
 */
record ClubHistory(List<Transition> steps) {

    static ClubHistory of(List<Transition> steps) {
        return new ClubHistory(steps);
    }

    /** The newest step that was any of these actions. */
    Optional<Transition> last(ClubAction... actions) {
        List<String> values = Arrays.stream(actions).map(ClubAction::value).toList();
        Transition last = null;
        for (Transition step : steps) {
            if (values.contains(step.action())) {
                last = step;
            }
        }
        return Optional.ofNullable(last);
    }

    /** How many times settlement was asked for since the newest dissolution request (that request counts 1). */
    int settlementRequests() {
        int requests = 0;
        for (Transition step : steps) {
            if (ClubAction.REQUEST_DISSOLUTION.value().equals(step.action())) {
                requests = 1;
            } else if (ClubAction.REQUEST_SETTLEMENT_AGAIN.value().equals(step.action())) {
                requests++;
            }
        }
        return requests;
    }
}
