package org.federation.finance.ledger.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.federation.finance.ledger.application.Ledger;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Property: whatever commands run (bookings, retried postings, reversals, balance moves, sweeps),
 * on which of two ledger instances, interleaved in whatever order at the journal's finishing steps
 * and crashed at whatever step, each transaction's effect on each account is applied exactly once:
 * afterwards (and a clean sweep) every balance is the sum of its entries, every transaction is done
 * and marked once on each of its accounts, debits equal credits.
 *
 * <p>The generator chooses the commands, the instance each runs on, the schedule (which of the
 * round's commands takes its next step at each {@link FinishingSteps} point) and each command's
 * crash step, so a failure shrinks to a short sequence and replays deterministically: only one
 * command runs at a time, the others wait at a step.
 */
class LedgerInterleavingPropertyTest {

    sealed interface Command permits Book, Retry, Reverse, Move, Sweep {
    }

    /** A booking on {@code debit} against {@code credit} (an index into the accounts; the last is income). */
    record Book(int debit, int credit, long amountFen) implements Command {
    }

    /** The same posting again (a retried request, a consumer redelivery). */
    record Retry(int which) implements Command {
    }

    record Reverse(int which) implements Command {
    }

    /** A merger or dissolution: the whole balance of one fund to another. */
    record Move(int from, int to) implements Command {
    }

    /** A sweep finishing whatever is pending. */
    record Sweep() implements Command {
    }

    /** A command, the instance it runs on, and the finishing step at which it crashes (-1: it does not). */
    record Run(Command command, int instance, int crashAt) {
    }

    /** Commands running at once, and the schedule of who moves on at each step. */
    record Round(List<Run> runs, List<Integer> schedule) {
    }

    static final int FUNDS = 3;
    static final Instant NOW = Instant.parse("2026-11-10T08:00:00Z");

    static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();
    static final TwoLedgers LEDGERS = new TwoLedgers(Clock.fixed(NOW, ZoneOffset.UTC), (step, transaction, account) -> {
        Actor actor = CURRENT.get();
        if (actor != null) {
            actor.step();
        }
    });

    @AfterContainer
    static void stop() {
        LEDGERS.close();
    }

    @Provide
    Arbitrary<List<Round>> rounds() {
        Arbitrary<Integer> fund = Arbitraries.integers().between(0, FUNDS - 1);
        Arbitrary<Integer> any = Arbitraries.integers().between(0, FUNDS);
        Arbitrary<Command> book = Combinators.combine(any, any, Arbitraries.longs().between(1, 100_000))
                .filter((d, c, a) -> !d.equals(c)).as(Book::new);
        Arbitrary<Command> command = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, book),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 20).map(Retry::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 20).map(Reverse::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(fund, fund).filter((f, t) -> !f.equals(t)).as(Move::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new Sweep())));
        Arbitrary<Run> run = Combinators.combine(command, Arbitraries.integers().between(0, 1),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(-1)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 6)))).as(Run::new);
        Arbitrary<Round> round = Combinators.combine(run.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, 2).list().ofMaxSize(20)).as(Round::new);
        return round.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.FULL)
    void eachTransactionMovesEachBalanceExactlyOnce(@ForAll("rounds") List<Round> rounds) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> funds = new ArrayList<>();
        for (int i = 0; i < FUNDS; i++) {
            funds.add("acct-prop-" + tag + "-" + i);
            LEDGERS.open(funds.get(i), true, NOW);
        }
        String income = "federation-income-prop-" + tag;
        LEDGERS.open(income, false, NOW);
        List<String> accounts = new ArrayList<>(funds);
        accounts.add(income);
        List<Transaction> booked = new ArrayList<>();
        int moves = 0;
        for (Round round : rounds) {
            List<Actor> actors = new ArrayList<>();
            for (Run run : round.runs()) {
                Runnable body;
                Command command = run.command();
                Ledger ledger = LEDGERS.ledgers[run.instance()];
                if (command instanceof Book b) {
                    Transaction t = booking(tag + "-" + booked.size(), accounts.get(b.debit()), accounts.get(b.credit()),
                            b.amountFen());
                    booked.add(t);
                    body = () -> ledger.post(t);
                } else if (command instanceof Retry r) {
                    // a retry of a posting whose first attempt is a round-mate may be the first posting
                    Transaction t = booked.isEmpty() ? null : booked.get(r.which() % booked.size());
                    body = t == null ? null : () -> LEDGERS.journals[run.instance()].post(t);
                } else if (command instanceof Reverse r) {
                    Transaction t = booked.isEmpty() ? null : booked.get(r.which() % booked.size());
                    body = t == null ? null : () -> ledger.reverse(t.id(), "property", "test");
                } else if (command instanceof Move m) {
                    String id = "move-" + tag + "-" + moves++;
                    body = () -> ledger.moveBalance(funds.get(m.from()), funds.get(m.to()), id, Transaction.MERGER,
                            "transfer", "merged", "system", new Transaction.Source("merger", id, null));
                } else {
                    body = () -> ledger.recover(NOW.plusSeconds(1));
                }
                if (body != null) {
                    actors.add(new Actor(run.command().toString(), body, run.crashAt()));
                }
            }
            schedule(actors, round.schedule());
        }
        LEDGERS.ledgers[0].recover(NOW.plusSeconds(1)); // a clean sweep, nobody interfering
        assertThat(LEDGERS.broken(funds, income)).as(rounds.toString()).isNull();
    }

    private static Transaction booking(String id, String debit, String credit, long amountFen) {
        return Transaction.create("prop-" + id, Transaction.MANUAL, "transfer", "property booking", "test",
                new Transaction.Source("manual", null, null), LocalDate.of(2026, 11, 10), NOW,
                List.of(Line.debit(debit, amountFen, null), Line.credit(credit, amountFen, null)), null);
    }

    /** Runs the actors one step at a time, in the order the schedule says (then round-robin). */
    private static void schedule(List<Actor> actors, List<Integer> schedule) throws InterruptedException {
        actors.forEach(Actor::start);
        int turn = 0;
        List<Actor> alive = new ArrayList<>(actors);
        while (!alive.isEmpty()) {
            int pick = turn < schedule.size() ? schedule.get(turn) : turn;
            turn++;
            Actor actor = alive.get(pick % alive.size());
            actor.advance();
            if (actor.finished) {
                alive.remove(actor);
            }
        }
    }

    /** Stops a command at a finishing step, as a crash of its instance would. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("crashed", null, false, false);
        }
    }

    /** One command on its own thread, moving only when the scheduler lets it. */
    static final class Actor {
        private final String name;
        private final Runnable body;
        private final int crashAt;
        private final Semaphore go = new Semaphore(0);
        private final Semaphore parked = new Semaphore(0);
        private volatile boolean finished;
        private int steps;

        Actor(String name, Runnable body, int crashAt) {
            this.name = name;
            this.body = body;
            this.crashAt = crashAt;
        }

        void start() {
            Thread thread = new Thread(() -> {
                CURRENT.set(this);
                try {
                    go.acquireUninterruptibly();
                    body.run();
                } catch (Crash | org.federation.platform.problem.ResourceNotFoundException
                         | org.federation.platform.problem.StateConflictException
                         | org.federation.platform.problem.RuleViolationException refused) {
                    // a crash, or a command refused (a reversal of a reversal, of what does not exist yet)
                } finally {
                    finished = true;
                    parked.release();
                }
            }, "property-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        /** Called by the command's own thread at each finishing step: waits for its turn, or crashes. */
        void step() {
            if (steps++ == crashAt) {
                throw new Crash();
            }
            parked.release();
            go.acquireUninterruptibly();
        }

        void advance() throws InterruptedException {
            go.release();
            if (!parked.tryAcquire(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " neither reached a step nor finished in 20 s");
            }
        }
    }
}
