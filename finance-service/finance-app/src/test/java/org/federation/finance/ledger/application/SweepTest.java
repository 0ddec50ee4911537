package org.federation.finance.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.ledger.domain.Journal;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The finance sweep: each of its steps runs whatever another one does. */
@FinanceServiceTest
class SweepTest extends EmbeddedBackboneProperties {

    @Autowired
    Ledger ledger;
    @Autowired
    Journal journal;
    @Autowired
    BookingCalendar calendar;
    @Autowired
    MongoTemplate store;

    @Test
    void aStepThatKeepsFailingDoesNotKeepTheOthersOrTheLedgersRecoveryFromRunning() {
        List<String> ran = new ArrayList<>();
        Sweep.Unbooked broken = before -> {
            ran.add("broken");
            throw new IllegalStateException("a record this step can never book");
        };
        Sweep.Unbooked next = before -> ran.add("next");
        Transaction interrupted = Transaction.create("sweep-" + UUID.randomUUID(), Transaction.MANUAL, "grant",
                "written, then the instance died", "test", new Transaction.Source("manual", null, null), LocalDate.now(),
                Instant.now(), List.of(Line.debit("federation-general", 100, null), Line.credit("federation-income-other", 100, null)),
                null);
        store.insert(interrupted, "transactions");

        new Sweep(ledger, List.of(broken, next), calendar, Duration.ZERO).sweep(Instant.now().plusSeconds(1));

        assertThat(ran).containsExactly("broken", "next");
        assertThat(journal.find(interrupted.id()).orElseThrow().isDone()).as("the ledger's recovery ran too").isTrue();
    }
}
