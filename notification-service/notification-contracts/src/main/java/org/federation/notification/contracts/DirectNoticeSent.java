package org.federation.notification.contracts;

import java.time.Instant;
import java.util.List;

/**
 * {@code org.federation.notification.direct-notice-sent.v1}: a department's notice reached every
 * recipient of its audience. Keyed by the direct notice id.
 *
 * @param directNoticeId the direct notice
 * @param department     the sending department
 * @param title          its title
 * @param audience       {@code all-clubs}, {@code category}, {@code clubs}, {@code liaison-officers}
 * @param reach          {@code leaders} or {@code members} of the clubs
 * @param clubIds        the clubs it went to (empty for liaison officers)
 * @param recipients     how many inboxes it reached
 * @param acknowledgeBy  the acknowledgement deadline, or null
 * @param sentAt         when the last inbox had it
 */
public record DirectNoticeSent(String directNoticeId, String department, String title, String audience, String reach,
                               List<String> clubIds, int recipients, Instant acknowledgeBy, Instant sentAt) {
}
