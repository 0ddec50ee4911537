package org.federation.notification.direct.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.federation.notification.direct.domain.DirectNotice;
import org.federation.notification.directory.domain.KnownClubs;
import org.federation.notification.directory.domain.KnownClub;
import org.federation.notification.directory.application.Recipients;
import org.springframework.stereotype.Component;

/** Resolves a direct notice's audience from the directory into recipients, grouped by club. */
@Component
class Audience {

    /**
     * Who receives it: each recipient with the clubs through which they receive it, and each group
     * ({@code club:<id>}, or {@code person:<n>} outside any club) with its recipients.
     */
    record Resolved(Map<String, Set<String>> clubsByRecipient, Map<String, List<String>> recipientsByGroup,
                    List<String> clubIds) {

        boolean isEmpty() {
            return clubsByRecipient.isEmpty();
        }
    }

    private final KnownClubs clubs;
    private final Recipients recipients;

    Audience(KnownClubs clubs, Recipients recipients) {
        this.clubs = clubs;
        this.recipients = recipients;
    }

    /** The chosen clubs the directory does not know, or that no longer take part. */
    List<String> unknownClubs(List<String> clubIds) {
        Set<String> known = new LinkedHashSet<>();
        clubs.findAll(clubIds).stream().filter(KnownClub::isCurrent).forEach(c -> known.add(c.id()));
        return clubIds.stream().filter(id -> !known.contains(id)).distinct().toList();
    }

    Resolved resolve(DirectNotice notice) {
        Map<String, Set<String>> clubsByRecipient = new LinkedHashMap<>();
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        List<String> reached = new ArrayList<>();
        if ("liaison-officers".equals(notice.audience())) {
            for (String officer : recipients.liaisonOfficers()) {
                String recipient = Recipients.person(officer);
                clubsByRecipient.put(recipient, new LinkedHashSet<>());
                byGroup.put(recipient, List.of(recipient));
            }
            return new Resolved(clubsByRecipient, byGroup, reached);
        }
        List<KnownClub> targets = switch (notice.audience()) {
            case "category" -> clubs.current().stream().filter(c -> notice.category().equals(c.category())).toList();
            case "clubs" -> clubs.findAll(notice.clubIds()).stream().filter(KnownClub::isCurrent).toList();
            default -> clubs.current();
        };
        for (KnownClub club : targets) {
            List<String> people = "members".equals(notice.reach()) ? club.everyone() : club.leaders();
            if (people.isEmpty()) {
                continue;
            }
            reached.add(club.id());
            List<String> group = new ArrayList<>();
            for (String number : people) {
                String recipient = Recipients.person(number);
                clubsByRecipient.computeIfAbsent(recipient, r -> new LinkedHashSet<>()).add(club.id());
                group.add(recipient);
            }
            byGroup.put("club:" + club.id(), group);
        }
        return new Resolved(clubsByRecipient, byGroup, reached);
    }
}
