package org.federation.club.contracts;

import java.time.Instant;
import java.util.List;

/**
 * {@code org.federation.club.information-requested.v1}: a department asked clubs for information
 * (key = request id). Only what the shared profile did not already hold fresh is asked; the
 * notification service tells each club's leaders what they owe, and by when.
 *
 * @param requestId  the request
 * @param department the asking department
 * @param title      what it is for
 * @param deadline   when the answers are due
 * @param asked      per club, the fields the club must supply (clubs answered wholly from the profile are not listed)
 * @param answeredFromProfile how many club-fields the profile answered at once
 */
public record InformationRequested(String requestId, String department, String title, Instant deadline,
                                   List<ClubAsked> asked, int answeredFromProfile) {

    /** What one club is asked. */
    public record ClubAsked(String clubId, List<String> fields) {
    }
}
