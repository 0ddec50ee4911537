package org.federation.club.membership.domain;

import java.time.Instant;
import java.util.List;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.MembershipApplicationChanged;
import org.federation.platform.problem.IllegalTransitionException;

/**
 * A student's application to join a club: pending until the club's leaders approve or reject it,
 * or the student withdraws it. One pending application per student and club.
 */
public record MembershipApplication(String id, String clubId, String studentNumber, String name, String motivation,
                                    State state, Instant submittedAt, String decidedBy, Instant decidedAt,
                                    String reason) {

    public enum State {
        PENDING("pending"), APPROVED("approved"), REJECTED("rejected"), WITHDRAWN("withdrawn");

        private final String value;

        State(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** An event for {@code club.events} (keyed by the application id). */
    public record Event(String type, Object payload) {
    }

    public record Change(MembershipApplication application, List<Event> events) {
    }

    public static Change submit(String id, String clubId, String studentNumber, String name, String motivation,
                                Instant now) {
        MembershipApplication application = new MembershipApplication(id, clubId, studentNumber, name, motivation,
                State.PENDING, now, null, null, null);
        return new Change(application, List.of(new Event(ClubEventTypes.MEMBERSHIP_REQUESTED, application.summary())));
    }

    public Change approve(String actor, Instant now) {
        return decide(State.APPROVED, null, actor, now, "approving");
    }

    public Change reject(String reason, String actor, Instant now) {
        return decide(State.REJECTED, reason, actor, now, "rejecting");
    }

    public Change withdraw(String actor, Instant now) {
        return decide(State.WITHDRAWN, null, actor, now, "withdrawing");
    }

    public void requirePending(String what) {
        if (state != State.PENDING) {
            throw new IllegalTransitionException(what + " membership application " + id, state.value(), List.of());
        }
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    public MembershipApplicationChanged summary() {
        return new MembershipApplicationChanged(id, clubId, studentNumber, state.value(), reason);
    }

    private Change decide(State to, String why, String actor, Instant now, String what) {
        requirePending(what);
        MembershipApplication decided = new MembershipApplication(id, clubId, studentNumber, name, motivation, to,
                submittedAt, actor, now, why);
        return new Change(decided, List.of(new Event(ClubEventTypes.MEMBERSHIP_DECIDED, decided.summary())));
    }
}
