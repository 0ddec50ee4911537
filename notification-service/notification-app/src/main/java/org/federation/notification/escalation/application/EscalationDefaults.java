package org.federation.notification.escalation.application;

import java.time.Duration;

import org.federation.notification.escalation.domain.EscalationTiming;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The escalation timing a notice gets when its sender chooses none
 * ({@code federation.notifications.escalation.liaison-delay}, {@code .head-delay}), checked at start-up.
 */
@Component
public class EscalationDefaults {

    private final EscalationTiming timing;

    EscalationDefaults(@Value("${federation.notifications.escalation.liaison-delay:PT0S}") Duration liaisonDelay,
                       @Value("${federation.notifications.escalation.head-delay:P2D}") Duration headDelay) {
        this.timing = new EscalationTiming(liaisonDelay, headDelay);
    }

    /** The sender's choices, each missing one from the defaults; throws {@link EscalationTiming.Invalid} if they break a rule. */
    public EscalationTiming with(Duration toLiaison, Duration toHead) {
        return new EscalationTiming(toLiaison == null ? timing.toLiaison() : toLiaison, toHead == null ? timing.toHead() : toHead);
    }

    public EscalationTiming timing() {
        return timing;
    }
}
