package org.federation.club.founding.web;

import java.time.Instant;

import org.federation.club.founding.domain.FoundingApplication;
import org.federation.club.founding.domain.Hearing;

/** A founding application in the staff's list: enough to pick one and open it. */
public record FoundingApplicationListItem(String id, String proposedName, String category, String state,
                                          int initiatorCount, Instant submittedAt, String submittedBy,
                                          Instant hearingAt, String clubId) {

    static FoundingApplicationListItem of(FoundingApplication application) {
        return new FoundingApplicationListItem(application.id(), application.name(),
                application.proposal().category().value(), application.state().value(),
                application.proposal().initiators().size(), application.submittedAt(), application.submittedBy(),
                application.currentHearing().map(Hearing::scheduledAt).orElse(null), application.clubId());
    }
}
