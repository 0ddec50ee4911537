package org.federation.notification.delivery.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Contact preferences as changed through the API (a port; {@code contacts} in MongoDB). */
public interface ContactRecords {

    /** The recipient's preferences if they ever changed them. */
    Optional<ContactPreferences> find(String recipient);

    /** Those of {@code recipients} who ever changed theirs. */
    List<ContactPreferences> findAll(Collection<String> recipients);

    /** Stores the recipient's preferences as changed by {@code by} at {@code at}. */
    void save(String recipient, String email, boolean emailEnabled, List<String> webhooks, String by, Instant at);
}
