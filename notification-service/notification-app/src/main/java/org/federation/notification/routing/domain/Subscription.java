package org.federation.notification.routing.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a subscriber ({@code department:<d>} or {@code person:<n>}) wants to hear about.
 *
 * @param kinds     the kinds of notice (see {@link NoticeKinds}) they receive
 * @param ownClubs  for a person: whether they receive the notices about the clubs they lead (everything) and belong to
 *                  (their activities); default true
 * @param updatedAt when it was last changed, or null while the defaults apply
 * @param updatedBy who changed it, or null while the defaults apply
 */
public record Subscription(String id, List<String> kinds, boolean ownClubs, Instant updatedAt, String updatedBy) {

    public static Subscription defaults(String subscriber) {
        return new Subscription(subscriber, NoticeKinds.defaultsFor(subscriber), true, null, null);
    }

    public boolean isDefault() {
        return updatedAt == null;
    }
}
