package org.federation.club.registry.domain;

import java.time.LocalDate;

/**
 * What the federation knows of a club that existed before the platform: enough to bring it in
 * with its original founding date and its current leader.
 */
public record ExistingClub(String name, ClubCategory category, LocalDate foundedOn, String leaderName,
                           String leaderStudentNumber, String contact) {
}
