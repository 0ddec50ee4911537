package org.federation.club.registry.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A leadership term that ended: who led which club from when to when. Merged clubs' past terms
 * carry over to the successor with their original club id.
 */
public record PastTerm(String clubId, List<Leader> leaders, LocalDate startedOn, LocalDate endedOn) {
}
