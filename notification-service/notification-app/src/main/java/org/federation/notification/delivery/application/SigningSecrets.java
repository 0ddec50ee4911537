package org.federation.notification.delivery.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The secret each registered webhook's deliveries are signed with (a port; sealed at rest in
 * infrastructure). A new secret is shown once, when it is made, and never again.
 */
public interface SigningSecrets {

    /**
     * Makes a secret for each of {@code urls} that has none, and deletes those of the recipient's
     * other webhooks; returns the new secrets by URL.
     */
    Map<String, String> keepOnly(String recipient, Collection<String> urls);

    /** Replaces a registered webhook's secret (one that leaked): the old one signs nothing from now on. */
    String rotate(String recipient, String url);

    /** The webhook's secret, if it has one. */
    Optional<String> of(String recipient, String url);
}
