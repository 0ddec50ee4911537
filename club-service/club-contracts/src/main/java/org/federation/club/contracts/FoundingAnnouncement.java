package org.federation.club.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * The announcement (公告) of a club approved at its founding defense hearing, for the
 * notification service to publish. Keyed by the application id.
 *
 * @param applicationId the application
 * @param clubId        the new club's id (its {@code established} event follows under this key)
 * @param name          the club's name
 * @param category      its category
 * @param purpose       its purpose, as the initiators stated it
 * @param leaders       its first leaders
 * @param approvedOn    the hearing's date
 * @param approvals     ballots to approve
 * @param rejections    ballots to reject
 * @param abstentions   abstentions
 */
public record FoundingAnnouncement(String applicationId, String clubId, String name, String category, String purpose,
                                   List<ClubLeader> leaders, LocalDate approvedOn, int approvals, int rejections,
                                   int abstentions) {
}
