package org.federation.notification.direct.application;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.federation.notification.escalation.application.EscalationDefaults;
import org.federation.notification.escalation.domain.EscalationTiming;
import org.federation.platform.problem.RuleViolationException;

/**
 * A direct notice as the sender asked for it, its deadline and escalation delays still as given:
 * {@link DirectNotices#send} reads them in the order the rules are checked, so the first broken
 * rule is the one reported.
 */
public record DirectNoticeDraft(String department, String title, String body, String audience, String category,
                                List<String> clubIds, String reach, String acknowledgeBy, String escalateToLiaisonAfter,
                                String escalateToHeadAfter) {

    /** The deadline, or null; read here rather than by Jackson, which takes an empty string for "no deadline". */
    Instant deadline() {
        if (acknowledgeBy == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(acknowledgeBy).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("acknowledgeBy", "not a valid time: " + acknowledgeBy);
        }
    }

    /** The sender's escalation timing, each part not chosen from the defaults. */
    EscalationTiming timing(EscalationDefaults defaults) {
        try {
            return defaults.with(duration("escalateToLiaisonAfter", escalateToLiaisonAfter),
                    duration("escalateToHeadAfter", escalateToHeadAfter));
        } catch (EscalationTiming.Invalid e) {
            throw new RuleViolationException(e.field(), e.getMessage());
        }
    }

    private static Duration duration(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new RuleViolationException(field, "not an ISO-8601 duration such as PT12H or P2D: " + value);
        }
    }
}
