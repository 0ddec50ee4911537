package org.federation.event.contracts;

/**
 * A club's leader or a department's member proposed an activity; it awaits the co-organisers'
 * confirmations ({@code activity.state = awaiting-confirmation}) or the Organization Department's
 * review ({@code proposed}). Not public: nothing is announced until {@link ActivityPublished}; a
 * consumer must not show a proposal as a published activity.
 *
 * @param activity   the proposal's snapshot (state {@code proposed} or {@code awaiting-confirmation})
 * @param proposedBy the proposer's student or staff number (also the event's actor)
 */
public record ActivityProposed(ActivitySnapshot activity, String proposedBy) {
}
