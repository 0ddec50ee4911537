package org.federation.club.founding.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completes approved founding applications whose club was not established (the service stopped
 * between the two writes, or establishing failed). Safe with several instances: completing is
 * idempotent (see {@link FoundingProcess#complete}).
 */
@Component
class FoundingCompletionSweep {

    private static final Logger log = LoggerFactory.getLogger(FoundingCompletionSweep.class);

    private final FoundingProcess founding;

    FoundingCompletionSweep(FoundingProcess founding) {
        this.founding = founding;
    }

    @Scheduled(initialDelayString = "${federation.founding.completion-sweep:PT1M}",
            fixedDelayString = "${federation.founding.completion-sweep:PT1M}")
    void sweep() {
        try {
            int completed = founding.completePending();
            if (completed > 0) {
                log.info("Completion sweep established {} approved founding application(s)", completed);
            }
        } catch (RuntimeException e) {
            log.warn("Completion sweep of founding applications failed; it runs again later", e);
        }
    }
}
