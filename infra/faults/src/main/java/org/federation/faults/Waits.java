package org.federation.faults;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polling with a deadline: the suite waits for outcomes of processes it does not control. */
final class Waits {

    private Waits() {
    }

    static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(() -> what, timeout, condition);
    }

    /** As above, the description computed when the time is up (it may say what is still missing). */
    static void until(java.util.function.Supplier<String> what, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting until " + what.get()
                        + (last == null ? "" : " (last error: " + last + ")"));
            }
            pause(Duration.ofMillis(500));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
