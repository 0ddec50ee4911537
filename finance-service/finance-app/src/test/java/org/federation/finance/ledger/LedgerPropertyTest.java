package org.federation.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.ledger.application.Ledger;
import org.federation.finance.ledger.domain.Journal;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestContextManager;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Property: over generated sequences of postings, reversals, repeated postings and postings a
 * crash interrupted halfway, every account's stored balance equals the sum of the entries applied
 * to it at every step, and once the sweep has run, the sum of all its done transactions' entries,
 * each marked applied once on each of its accounts, with debits equal to credits across the ledger.
 *
 * <p>A jqwik property against the running app (its ledger, journal and accounts on the embedded
 * store): a failing sequence shrinks to a short one, and the report names the seed that replays
 * it ({@code @Property(seed = "<seed from the report>")}); the next run in the same module also
 * tries the shrunk sample first ({@link AfterFailureMode#SAMPLE_FIRST}, from the local, untracked
 * {@code .jqwik-database}). jqwik does not run Spring's JUnit extension, so the container's
 * lifecycle hooks drive Spring's {@link TestContextManager} themselves: it starts the application
 * context this class's {@link FinanceServiceTest} configuration describes (or takes it from
 * Spring's context cache when the service's other tests already started it in this JVM) and
 * injects the fields.
 */
@FinanceServiceTest
class LedgerPropertyTest extends EmbeddedBackboneProperties {

    sealed interface Op permits Post, Reverse, Repeat, Crash {
    }

    /** Debits {@code debit} (split in two when {@code split}) and credits {@code credit}. */
    record Post(int debit, int credit, long amount, boolean split, int splitTo) implements Op {
    }

    record Reverse(int which) implements Op {
    }

    record Repeat(int which) implements Op {
    }

    /** A posting that stops after applying {@code appliedLines} of its accounts, as a crash would leave it. */
    record Crash(Post post, int appliedLines) implements Op {
    }

    static final int ACCOUNTS = 5;

    private static TestContextManager spring;

    @Autowired
    Ledger ledger;
    @Autowired
    Journal journal;
    @Autowired
    Accounts accounts;

    @BeforeContainer
    static void startApplication() throws Exception {
        spring = new TestContextManager(LedgerPropertyTest.class);
        spring.beforeTestClass();
    }

    /** jqwik makes the instance a property runs on; Spring injects its fields as its JUnit extension would. */
    @BeforeProperty
    void injectApplication() throws Exception {
        spring.prepareTestInstance(this);
    }

    @AfterContainer
    static void releaseApplication() throws Exception {
        if (spring != null) {
            spring.afterTestClass();
        }
    }

    static Arbitrary<Post> posts() {
        return Combinators.combine(Arbitraries.integers().between(0, ACCOUNTS), Arbitraries.integers().between(0, ACCOUNTS),
                Arbitraries.longs().between(1, 5_000_000), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, ACCOUNTS)).as(Post::new)
                .filter(p -> p.debit() != p.credit() && p.splitTo() != p.credit());
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(6, posts().map(p -> (Op) p)),
                Tuple.of(2, Arbitraries.integers().between(0, 1000).map(i -> (Op) new Reverse(i))),
                Tuple.of(1, Arbitraries.integers().between(0, 1000).map(i -> (Op) new Repeat(i))),
                Tuple.of(2, Combinators.combine(posts(), Arbitraries.integers().between(0, 3))
                        .as((p, applied) -> (Op) new Crash(p, applied))));
        return op.list().ofMinSize(1).ofMaxSize(15);
    }

    // tries bounded so the property costs seconds, not minutes (each try opens six accounts and checks every step)
    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED, afterFailure = AfterFailureMode.SAMPLE_FIRST)
    void balancesAlwaysEqualTheSumOfTheirEntries(@ForAll("sequences") List<Op> run) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String id = "acct-prop-" + tag + "-" + i;
            accounts.open(Account.openForClub("prop-" + tag + "-" + i, "Property club " + i, "test", Instant.now()));
            ids.add(id);
        }
        String income = "federation-income-prop-" + tag;
        accounts.open(Account.openForFederation(income, "Property income", Instant.now()));
        ids.add(income); // credit-normal: its balance grows with credits

        List<Transaction> booked = new ArrayList<>();
        for (Op op : run) {
            if (op instanceof Post p) {
                booked.add(ledger.post(transaction(p, ids)).transaction());
            } else if (op instanceof Reverse r) {
                List<Transaction> reversible = booked.stream().filter(t -> t.reverses() == null).toList();
                if (!reversible.isEmpty()) {
                    Transaction original = reversible.get(r.which() % reversible.size());
                    booked.add(ledger.reverse(original.id(), "random reversal", "test").transaction());
                }
            } else if (op instanceof Repeat r) {
                if (!booked.isEmpty()) {
                    Transaction again = booked.get(r.which() % booked.size());
                    assertThat(journal.post(again).created()).as("a repeated posting writes nothing").isFalse();
                }
            } else if (op instanceof Crash c) {
                crashHalfway(transaction(c.post(), ids), c.appliedLines());
            }
            assertBalancesEqualAppliedEntries(ids);
        }
        journal.pendingSince(Instant.now().plusSeconds(1)).stream()
                .filter(t -> t.accounts().stream().anyMatch(ids::contains)).forEach(journal::finish);
        assertBalancesEqualAppliedEntries(ids);
        Map<String, Long> sums = new HashMap<>();
        long debits = 0;
        long credits = 0;
        for (Transaction t : transactionsOf(ids)) {
            assertThat(t.isDone()).as("after the sweep nothing is pending: " + t.id()).isTrue();
            t.balanceDeltas().forEach((account, delta) -> sums.merge(account, delta, Long::sum));
            debits += t.lines().stream().filter(Line::isDebit).mapToLong(Line::amountFen).sum();
            credits += t.lines().stream().filter(l -> !l.isDebit()).mapToLong(Line::amountFen).sum();
        }
        assertThat(debits).as("debits equal credits").isEqualTo(credits);
        for (String id : ids) {
            assertThat(accounts.find(id).orElseThrow().balanceFen()).as(id).isEqualTo(sums.getOrDefault(id, 0L));
        }
        for (Transaction t : transactionsOf(ids)) {
            t.accounts().forEach(account -> assertThat(appliedOn(account).stream().filter(t.id()::equals).count())
                    .as(t.id() + " is marked applied once on " + account).isEqualTo(1));
        }
        long fundTotal = ids.stream().filter(id -> !id.equals(income)).mapToLong(id -> sums.getOrDefault(id, 0L)).sum();
        assertThat(fundTotal).as("what the funds hold came from the income account").isEqualTo(sums.getOrDefault(income, 0L));
    }

    private Transaction transaction(Post p, List<String> ids) {
        List<Line> lines = new ArrayList<>();
        if (p.split() && p.splitTo() != p.debit() && p.amount() > 1) {
            lines.add(Line.debit(ids.get(p.debit()), p.amount() / 2, "first half"));
            lines.add(Line.debit(ids.get(p.splitTo()), p.amount() - p.amount() / 2, "second half"));
        } else {
            lines.add(Line.debit(ids.get(p.debit()), p.amount(), null));
        }
        lines.add(Line.credit(ids.get(p.credit()), p.amount(), null));
        return Transaction.create("prop-" + UUID.randomUUID(), Transaction.MANUAL, "transfer", "random posting", "test",
                new Transaction.Source("manual", null, null), LocalDate.now(), Instant.now(), lines, null);
    }

    /** What the journal does, stopped after {@code applied} accounts: the transaction stays pending. */
    private void crashHalfway(Transaction transaction, int applied) {
        mongo.insert(transaction, "transactions");
        transaction.balanceDeltas().entrySet().stream().limit(applied).forEach(e -> mongo.updateFirst(
                query(where("_id").is(e.getKey()).and("appliedTransactions").ne(transaction.id())),
                new Update().inc("balanceFen", e.getValue()).inc("version", 1L).push("appliedTransactions", transaction.id()),
                "accounts"));
    }

    private void assertBalancesEqualAppliedEntries(List<String> ids) {
        Map<String, Long> applied = new HashMap<>();
        Map<String, List<String>> appliedIds = new HashMap<>();
        ids.forEach(id -> appliedIds.put(id, appliedOn(id)));
        for (Transaction t : transactionsOf(ids)) {
            t.balanceDeltas().forEach((account, delta) -> {
                if (ids.contains(account) && appliedIds.get(account).contains(t.id())) {
                    applied.merge(account, delta, Long::sum);
                }
            });
        }
        for (String id : ids) {
            assertThat(accounts.find(id).orElseThrow().balanceFen()).as("balance of " + id)
                    .isEqualTo(applied.getOrDefault(id, 0L));
        }
    }

    private List<Transaction> transactionsOf(List<String> ids) {
        return mongo.find(query(where("lines.accountId").in(ids)), Transaction.class, "transactions");
    }

    @SuppressWarnings("unchecked")
    private List<String> appliedOn(String id) {
        Document account = mongo.findById(id, Document.class, "accounts");
        Object pending = account == null ? null : account.get("appliedTransactions");
        return pending == null ? List.of() : (List<String>) pending;
    }
}
