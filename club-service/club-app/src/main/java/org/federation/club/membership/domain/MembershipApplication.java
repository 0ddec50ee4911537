package org.federation.club.membership.domain;

import java.time.Instant;
import java.util.List;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.MembershipApplicationChanged;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
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

    public static Decision<MembershipApplication> submit(String id, String clubId, String studentNumber, String name,
                                                         String motivation, Instant now) {
        MembershipApplication application = new MembershipApplication(id, clubId, studentNumber, name, motivation,
                State.PENDING, now, null, null, null);
        return Decision.of(application, new DomainEvent(ClubEventTypes.MEMBERSHIP_REQUESTED, studentNumber,
                application.summary()));
    }

    public Decision<MembershipApplication> approve(String actor, Instant now) {
        return decide(State.APPROVED, null, actor, now, "approving");
    }

    public Decision<MembershipApplication> reject(String reason, String actor, Instant now) {
        return decide(State.REJECTED, reason, actor, now, "rejecting");
    }

    public Decision<MembershipApplication> withdraw(String actor, Instant now) {
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

    private Decision<MembershipApplication> decide(State to, String why, String actor, Instant now, String what) {
        requirePending(what);
        MembershipApplication decided = new MembershipApplication(id, clubId, studentNumber, name, motivation, to,
                submittedAt, actor, now, why);
        return Decision.of(decided, new DomainEvent(ClubEventTypes.MEMBERSHIP_DECIDED, actor, decided.summary()));
    }
}
