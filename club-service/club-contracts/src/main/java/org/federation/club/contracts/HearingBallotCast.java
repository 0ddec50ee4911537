package org.federation.club.contracts;

import java.time.Instant;

/**
 * A panel member cast their ballot at a founding hearing (keyed by the application id, like the
 * application's other events; carries no {@code club}, so club directories ignore it). When it is
 * the panel's last ballot, the decision ({@code founding-announced} or {@code founding-rejected})
 * follows as the next event of the same application.
 *
 * @param application the application's public summary, the hearing's panel included
 * @param panelMember the voter's staff or student number (also the event's actor)
 * @param choice      {@code approve}, {@code reject} or {@code abstain}
 * @param comment     the voter's reason (required to reject: it is given to the initiators), or null
 * @param castAt      when the ballot was cast
 * @param ballotsCast how many of the panel have voted, this ballot included
 * @param panelSize   how many sit on the panel
 */
public record HearingBallotCast(FoundingApplicationSummary application, String panelMember, String choice,
                                String comment, Instant castAt, int ballotsCast, int panelSize) {
}
