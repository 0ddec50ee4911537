package org.federation.finance.budgets.application;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.federation.platform.domain.BusinessClock;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases what remains of an activity's budget once the activity has ended and its claim window
 * ({@code federation.finance.claim-window}, 30 days by default: receipts come in late) has passed,
 * so allocated money does not stay locked in finished activities.
 */
@Component
class ClaimWindow {

    private static final Logger log = LoggerFactory.getLogger(ClaimWindow.class);

    private final BudgetDesk desk;
    private final Duration window;

    ClaimWindow(BudgetDesk desk, @Value("${federation.finance.claim-window:P30D}") Duration window) {
        this.desk = desk;
        this.window = window;
    }

    /** On the timer, and at once when business time was moved (the local platform). */
    @Scheduled(fixedDelayString = "${federation.finance.sweep.interval:PT30S}",
            initialDelayString = "${federation.finance.sweep.interval:PT30S}")
    @EventListener(BusinessClock.Moved.class)
    void closeEndedActivitiesBudgets() {
        try {
            desk.closeAfterClaimWindow(window);
        } catch (RuntimeException e) {
            log.error("Closing budgets after their claim window failed; it runs again", e);
        }
    }
}
