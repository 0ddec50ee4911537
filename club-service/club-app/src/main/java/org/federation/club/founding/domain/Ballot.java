package org.federation.club.founding.domain;

import java.time.Instant;

/** One panel member's ballot: their choice, comment and when they cast it. */
public record Ballot(String panelMember, BallotChoice choice, String comment, Instant at) {
}
