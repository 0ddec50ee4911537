package org.federation.club.contracts;

/**
 * A student's application to join a club was made or decided ({@code membership-requested},
 * {@code membership-decided}). Keyed by the application id; carries no {@code club}.
 *
 * @param applicationId the application
 * @param clubId        the club applied to
 * @param studentNumber the applicant
 * @param state         {@code pending}, {@code approved}, {@code rejected}, {@code withdrawn}
 * @param reason        the leaders' reason for a rejection, or null
 */
public record MembershipApplicationChanged(String applicationId, String clubId, String studentNumber, String state,
                                           String reason) {
}
