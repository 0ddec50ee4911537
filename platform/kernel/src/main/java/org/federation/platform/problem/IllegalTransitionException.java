package org.federation.platform.problem;

import java.util.List;

/**
 * A command that the aggregate's current state does not allow (HTTP 409). The problem names the
 * current state and the actions that state allows, so the caller knows what it may do instead.
 */
public class IllegalTransitionException extends StateConflictException {

    private final String currentState;
    private final List<String> allowedActions;

    public IllegalTransitionException(String what, String currentState, List<String> allowedActions) {
        super(what + " is not allowed while " + currentState + "; allowed now: "
                + (allowedActions.isEmpty() ? "nothing" : String.join(", ", allowedActions)));
        this.currentState = currentState;
        this.allowedActions = List.copyOf(allowedActions);
    }

    public String currentState() {
        return currentState;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }
}
