package org.federation.event.activities.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.federation.event.contracts.ActivitySnapshot;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A published activity as the public calendar shows it: its public snapshot and, by name, the
 * clubs organising it (all of them for a joint activity), so a reader need not know club ids.
 *
 * @param organisers the organising clubs in the activity's order; a club event-service has not
 *                   heard of yet has no name (null, left out of the JSON)
 */
record CalendarActivity(@JsonUnwrapped ActivitySnapshot activity, List<Organiser> organisers) {

    /** An organising club: its id and its name. */
    record Organiser(String clubId, String name) {
    }

    static CalendarActivity of(ActivitySnapshot activity, Map<String, String> names) {
        List<Organiser> organisers = new ArrayList<>();
        for (String clubId : clubsOf(activity)) {
            organisers.add(new Organiser(clubId, names.get(clubId)));
        }
        return new CalendarActivity(activity, List.copyOf(organisers));
    }

    /** The organising clubs' ids of these activities, each once, to look their names up in one go. */
    static Set<String> clubsOf(List<ActivitySnapshot> activities) {
        Set<String> ids = new LinkedHashSet<>();
        activities.forEach(a -> ids.addAll(clubsOf(a)));
        return ids;
    }

    private static List<String> clubsOf(ActivitySnapshot activity) {
        return activity.organiserClubIds() == null ? List.of() : activity.organiserClubIds();
    }

    /**
     * Who organises it, in words for a calendar entry: "天文社 and 摄影社", or the federation's
     * department for a programme; null when no organiser's name is known yet.
     */
    String organisedBy() {
        List<String> named = organisers.stream().map(Organiser::name).filter(n -> n != null && !n.isBlank()).toList();
        if (named.isEmpty()) {
            return activity.organisingDepartment() == null ? null
                    : "the federation's " + activity.organisingDepartment() + " department";
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }
}
