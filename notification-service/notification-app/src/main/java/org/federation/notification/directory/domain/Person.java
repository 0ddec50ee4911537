package org.federation.notification.directory.domain;

import java.time.Instant;
import java.util.List;

/**
 * Someone who signed in to notification-service, as their latest token said: name, e-mail and
 * federation roles. Their e-mail seeds their contact preferences.
 */
public record Person(String id, String name, String email, List<String> roles, Instant firstSeenAt) {

    public boolean isLiaisonOfficer() {
        return roles != null && roles.contains("LIAISON");
    }
}
