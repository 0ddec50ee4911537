package org.federation.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * What {@link LedgerPropertyTest}'s report promises, shown on a property that fails on purpose
 * ({@link BrokenLedgerProperty}, run here on the jqwik engine through the JUnit Platform's test kit):
 * jqwik shrinks the failing sample to the smallest one (one posting of exactly 10,000 fen, whatever
 * larger sample it stumbled on first), and reports the seed; running the property again with that seed
 * fails on the same samples and shrinks to the same one. docs/finance-service.md says how to replay a
 * failing {@code LedgerPropertyTest} from its seed.
 */
class LedgerPropertyReplayTest {

    private static final Pattern SEED = Pattern.compile("seed = (-?\\d+)");
    private static final Pattern SHRUNK = Pattern.compile("(?s)Shrunk Sample.*?postings: (\\[[^\\]]*\\])");
    private static final Pattern ORIGINAL = Pattern.compile("(?s)Original Sample.*?postings: (\\[[^\\]]*\\])");

    /** One run's report, as jqwik publishes it (a reporting entry per property). */
    record Report(String seed, String shrunk, String original, String text) {
    }

    @AfterEach
    void noReplayLeftOver() {
        BrokenLedgerProperty.replaySeed = null;
    }

    @Test
    void aFailingPropertyShrinksToTheSmallestSampleAndItsReportedSeedReplaysIt() {
        Report first = run();
        assertThat(first.shrunk()).as(first.text()).isEqualTo("[10000]");
        assertThat(first.original()).as("what it shrank from").isNotEqualTo("[10000]");

        BrokenLedgerProperty.replaySeed = first.seed();
        Report replay = run();
        assertThat(replay.seed()).isEqualTo(first.seed());
        assertThat(replay.original()).as("the same first failing sample").isEqualTo(first.original());
        assertThat(replay.shrunk()).isEqualTo("[10000]");
    }

    private static Report run() {
        Events events = EngineTestKit.engine("jqwik")
                // jqwik reports on standard out unless told to publish through the platform, where the kit sees it
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .selectors(selectMethod(BrokenLedgerProperty.class, "aBalanceIsTheSumOfItsPostings", List.class.getName()))
                .execute().allEvents();
        assertThat(events.failed().count()).as("the property fails").isEqualTo(1);
        String text = events.reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().values().toString())
                .reduce("", String::concat);
        return new Report(find(SEED, text), find(SHRUNK, text), find(ORIGINAL, text), text);
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in jqwik's report:\n" + text).isTrue();
        return matcher.group(1);
    }
}
