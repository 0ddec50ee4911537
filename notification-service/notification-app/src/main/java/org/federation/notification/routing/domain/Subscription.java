package org.federation.notification.routing.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * The rule of who is subscribed to {@code kind}: every stored subscription naming it, and every
     * department that never changed its subscription whose defaults ({@link NoticeKinds#DEPARTMENT_DEFAULTS})
     * name it. A department that changed its subscription has only what it chose.
     */
    public static Set<String> subscribersOf(String kind, Collection<Subscription> stored) {
        Set<String> changed = stored.stream().map(Subscription::id).collect(Collectors.toSet());
        Set<String> subscribers = new LinkedHashSet<>();
        NoticeKinds.DEPARTMENT_DEFAULTS.forEach((department, kinds) -> {
            String subscriber = "department:" + department;
            if (!changed.contains(subscriber) && kinds.contains(kind)) {
                subscribers.add(subscriber);
            }
        });
        stored.stream().filter(s -> s.kinds() != null && s.kinds().contains(kind)).forEach(s -> subscribers.add(s.id()));
        return subscribers;
    }
}
