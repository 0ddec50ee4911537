package org.federation.club.registry.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a club came from and went: the clubs merged into it, and its successor if it was merged
 * away.
 */
public record Lineage(String successorId, List<String> predecessorIds, String mergerId) {

    public Lineage {
        predecessorIds = predecessorIds == null ? List.of() : List.copyOf(predecessorIds);
    }

    static Lineage none() {
        return new Lineage(null, List.of(), null);
    }

    Lineage succeededBy(String successor, String merger) {
        return new Lineage(successor, predecessorIds, merger);
    }

    Lineage absorbed(List<String> clubIds, String merger) {
        List<String> all = new ArrayList<>(predecessorIds);
        clubIds.stream().filter(id -> !all.contains(id)).forEach(all::add);
        return new Lineage(successorId, all, merger);
    }
}
