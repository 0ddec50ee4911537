package org.federation.notification.delivery.domain;

import java.time.Instant;
import java.util.ArrayList;
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

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    public List<String> webhooks() {
        return webhooks == null ? List.of() : webhooks;
    }

    /** One address a notice goes to over one channel. */
    public record Target(String channel, String address) {
    }

    /**
     * Where a notice goes beyond the inbox: the e-mail address if e-mail is on and has an address (and
     * {@code emailAvailable}: an SMTP server is configured), and every webhook.
     */
    public List<Target> targets(boolean emailAvailable) {
        List<Target> targets = new ArrayList<>();
        if (emailEnabled && email != null && emailAvailable) {
            targets.add(new Target(EMAIL, email));
        }
        webhooks().forEach(url -> targets.add(new Target(WEBHOOK, url)));
        return targets;
    }

    /**
     * The preferences a recipient has until they change them: a person's token e-mail (null if none or
     * not a person), on if there is one; no webhooks.
     */
    public static ContactPreferences defaults(String recipient, String tokenEmail) {
        return new ContactPreferences(recipient, tokenEmail, tokenEmail != null, List.of(), null, null);
    }
}
