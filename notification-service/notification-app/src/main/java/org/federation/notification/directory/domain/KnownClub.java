package org.federation.notification.directory.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * notification-service's copy of a club, kept from {@code club.events} (newest snapshot by sequence):
 * who leads it, who belongs to it and who its liaison officer is, so notices find their recipients
 * without asking club-service.
 */
public record KnownClub(String id, String name, String category, String state, List<String> leaders,
                        List<String> members, String liaisonOfficer, String successorId, Long sequence) {

    /** States in which a club still takes part in the federation's life and receives its notices. */
    public boolean isCurrent() {
        return !"dissolved".equals(state) && !"merged".equals(state);
    }

    public List<String> leaders() {
        return leaders == null ? List.of() : leaders;
    }

    /** Members and leaders, each once. */
    public List<String> everyone() {
        Set<String> all = new LinkedHashSet<>(leaders());
        if (members != null) {
            all.addAll(members);
        }
        return new ArrayList<>(all);
    }
}
