package org.federation.club.recruitment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.LeaderPositionChanged;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;

/**
 * An open leader position of a club (社团负责人公开招聘): posted by the club's leaders or the
 * Organization Department, applied for by students until it closes, filled by appointing one
 * applicant (which changes the club's leaders) or cancelled.
 */
public record LeaderPosition(String id, String clubId, String role, String description, Instant closesAt,
                             String postedBy, Instant postedAt, State state, List<Applicant> applicants,
                             String appointed, String closedBy, Instant closedAt) {

    public enum State {
        OPEN("open"), FILLED("filled"), CANCELLED("cancelled");

        private final String value;

        State(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** Someone who applied, with their statement. */
    public record Applicant(String studentNumber, String name, String statement, Instant appliedAt) {
    }

    public LeaderPosition {
        applicants = applicants == null ? List.of() : List.copyOf(applicants);
    }

    /** Posts a position open for applications until {@code closesAt}: {@code leader-position-posted}. */
    public static Decision<LeaderPosition> post(String id, String clubId, String role, String description,
                                                Instant closesAt, String actor, Instant now) {
        if (!closesAt.isAfter(now)) {
            throw new RuleViolationException("closesAt", "applications must close in the future");
        }
        LeaderPosition posted = new LeaderPosition(id, clubId, role, description, closesAt, actor, now, State.OPEN,
                List.of(), null, null, null);
        return Decision.of(posted, new DomainEvent(ClubEventTypes.LEADER_POSITION_POSTED, actor, posted.changed()));
    }

    /** A student applies; nobody else is told until the position closes. */
    public Decision<LeaderPosition> apply(String studentNumber, String name, String statement, Instant now) {
        requireOpen("applying");
        if (now.isAfter(closesAt)) {
            throw new IllegalTransitionException("applying after " + closesAt + " (position " + id + ")",
                    "closed for applications", List.of("appoint", "cancel"));
        }
        if (applicants.stream().anyMatch(a -> a.studentNumber().equals(studentNumber))) {
            throw new StateConflictException(studentNumber + " already applied for position " + id);
        }
        List<Applicant> all = new ArrayList<>(applicants);
        all.add(new Applicant(studentNumber, name, statement, now));
        return Decision.quietly(new LeaderPosition(id, clubId, role, description, closesAt, postedBy, postedAt, state,
                all, appointed, closedBy, closedAt));
    }

    public Applicant applicant(String studentNumber) {
        return applicants.stream().filter(a -> a.studentNumber().equals(studentNumber)).findFirst()
                .orElseThrow(() -> new RuleViolationException("studentNumber", studentNumber
                        + " did not apply for position " + id));
    }

    /** Appoints one applicant: the position closes, filled ({@code leader-position-closed}). */
    public Decision<LeaderPosition> fill(String studentNumber, String actor, Instant now) {
        requireOpen("appointing");
        applicant(studentNumber);
        return closed(new LeaderPosition(id, clubId, role, description, closesAt, postedBy, postedAt, State.FILLED,
                applicants, studentNumber, actor, now));
    }

    /** Withdraws the position: it closes, cancelled ({@code leader-position-closed}). */
    public Decision<LeaderPosition> cancel(String actor, Instant now) {
        requireOpen("cancelling");
        return closed(new LeaderPosition(id, clubId, role, description, closesAt, postedBy, postedAt, State.CANCELLED,
                applicants, null, actor, now));
    }

    private static Decision<LeaderPosition> closed(LeaderPosition position) {
        return Decision.of(position, new DomainEvent(ClubEventTypes.LEADER_POSITION_CLOSED, position.closedBy(),
                position.changed()));
    }

    public LeaderPositionChanged changed() {
        return new LeaderPositionChanged(id, clubId, role, state.value(), closesAt, applicants.size(), appointed);
    }

    private void requireOpen(String what) {
        if (state != State.OPEN) {
            throw new IllegalTransitionException(what + " (position " + id + ")", state.value(), List.of());
        }
    }
}
