package org.federation.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * A deliberately failing property of the kind {@link LedgerPropertyTest} is (a balance must equal the
 * sum of the postings applied to it), for {@link LedgerPropertyReplayTest} only: its name ends in
 * neither {@code Test} nor {@code Tests}, so the build's test run never selects it; the test runs it on
 * the jqwik engine itself. The planted fault: postings of 100.00 yuan (10,000 fen) or more are lost, so
 * the smallest failing sample is one posting of exactly 10,000 fen.
 */
class BrokenLedgerProperty {

    /** When set, the next run uses this seed, as {@code @Property(seed = "…")} would: the replay. */
    static volatile String replaySeed;

    @Property(tries = 200, shrinking = ShrinkingMode.FULL, afterFailure = AfterFailureMode.RANDOM_SEED)
    @AddLifecycleHook(ReplaySeed.class)
    void aBalanceIsTheSumOfItsPostings(@ForAll @Size(max = 12) List<@LongRange(min = 1, max = 5_000_000) Long> postings) {
        long expected = postings.stream().mapToLong(Long::longValue).sum();
        assertThat(balanceAfter(postings)).as("the balance after " + postings).isEqualTo(expected);
    }

    /** The faulty ledger. */
    private static long balanceAfter(List<Long> postings) {
        return postings.stream().mapToLong(Long::longValue).filter(fen -> fen < 10_000).sum();
    }

    /** Sets the seed to replay (jqwik lets a hook change the property's attributes before it runs). */
    static class ReplaySeed implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            if (replaySeed != null) {
                context.attributes().setSeed(replaySeed);
            }
            return property.execute();
        }
    }
}
