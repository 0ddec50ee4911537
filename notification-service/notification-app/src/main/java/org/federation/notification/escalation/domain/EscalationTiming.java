package org.federation.notification.escalation.domain;

import java.time.Duration;

/**
 * When an unacknowledged notice escalates, relative to its acknowledgement deadline: to the
 * club's liaison officer {@code toLiaison} after it, to the sending department's head
 * {@code toHead} after it. Chosen per notice by its sender, or the configured defaults.
 *
 * @param toLiaison not negative (zero: at the deadline)
 * @param toHead    later than {@code toLiaison}
 */
public record EscalationTiming(Duration toLiaison, Duration toHead) {

    /** The longest either may be: a notice left unescalated for longer is forgotten, not chased. */
    public static final Duration LONGEST = Duration.ofDays(30);

    /** A timing that breaks a rule, naming the field it is about. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public EscalationTiming {
        if (toLiaison == null || toLiaison.isNegative()) {
            throw new Invalid("escalateToLiaisonAfter", "the liaison officer is told at or after the deadline, not before");
        }
        if (toHead == null || toHead.compareTo(toLiaison) <= 0) {
            throw new Invalid("escalateToHeadAfter", "the department's head is told after the liaison officer ("
                    + (toHead == null ? "none" : toHead) + " is not after " + toLiaison + ")");
        }
        if (toLiaison.compareTo(LONGEST) > 0) {
            throw new Invalid("escalateToLiaisonAfter", "at most " + LONGEST.toDays() + " days after the deadline");
        }
        if (toHead.compareTo(LONGEST) > 0) {
            throw new Invalid("escalateToHeadAfter", "at most " + LONGEST.toDays() + " days after the deadline");
        }
    }
}
