package org.federation.notification.delivery.domain;

import java.time.Instant;
import java.util.List;

/**
 * Where a recipient's notices go beyond the inbox: an e-mail address (for a person, seeded from
 * their token's e-mail on first sign-in) and webhooks (for the portal or a chat bot).
 *
 * @param id        the recipient, {@code person:<n>} or {@code department:<d>}
 * @param updatedAt when it was last changed, or null while it is the seeded default
 */
public record ContactPreferences(String id, String email, boolean emailEnabled, List<String> webhooks,
                                 Instant updatedAt, String updatedBy) {

    public List<String> webhooks() {
        return webhooks == null ? List.of() : webhooks;
    }
}
