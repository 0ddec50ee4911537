package org.federation.finance.statements.application;

import java.util.List;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.ledger.application.BookingCalendar;
import org.federation.finance.ledger.domain.Journal;
import org.federation.finance.statements.domain.Period;
import org.federation.finance.statements.domain.Statement;
import org.federation.finance.statements.domain.StatementChain;
import org.federation.finance.statements.domain.Statements;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Publishes statements generated from the ledger, in order: a period can be published once it is
 * over, and only right after the previous period of its kind (the first statement of an account's
 * chain may start anywhere). Publishing closes the period: nothing can be booked into it any more.
 */
@Service
public class StatementPublishing {

    private static final Logger log = LoggerFactory.getLogger(StatementPublishing.class);

    private final Statements statements;
    private final Accounts accounts;
    private final Journal journal;
    private final BookingCalendar calendar;
    /** Real time: how long a chain's named start holds it is a lease, which moving business time must not expire. */
    private final java.time.Clock clock;

    StatementPublishing(Statements statements, Accounts accounts, Journal journal, BookingCalendar calendar,
                        java.time.Clock clock) {
        this.statements = statements;
        this.accounts = accounts;
        this.journal = journal;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Statement publish(String accountId, String periodName, String actor) {
        Account account = accounts.find(accountId).orElseThrow(() -> new ResourceNotFoundException("account", accountId));
        Period period = Period.parse(periodName);
        if (statements.find(period.statementId(accountId)).isPresent()) {
            throw new StateConflictException("the statement of " + accountId + " for " + period.name()
                    + " is published already and never changes");
        }
        if (period.to().isAfter(calendar.today())) {
            throw new StateConflictException("the period " + period.name() + " is not over until " + period.to().minusDays(1)
                    + "; its statement can be published from " + period.to());
        }
        Statement previous = statements.latest(accountId, period.kind()).orElse(null);
        if (previous != null && !previous.to().equals(period.from())) {
            Period expected = Period.parse(previous.period()).next();
            throw new StateConflictException("statements of an account follow each other: after " + previous.period()
                    + " comes " + expected.name() + ", so publish that before " + period.name());
        }
        if (previous == null) {
            // a first statement starts the chain: of two first statements of different periods published at
            // the same moment, only one may, or the public chain would have two roots and read as broken for good
            String first = statements.startChain(accountId, period.kind(), period.statementId(accountId), clock.instant());
            if (!first.equals(period.statementId(accountId))) {
                throw new StateConflictException("the " + period.kind() + " statements of " + accountId + " start with "
                        + first + ", published at the same moment; publish the periods after it in order");
            }
        }
        journal.pendingFor(accountId).forEach(journal::finish);
        long opening = previous == null ? journal.balanceBefore(accountId, period.from()) : previous.closingFen();
        Statement statement = Statement.generate(accountId, account.clubId(), account.name(), period, previous, opening,
                journal.of(accountId, period.from(), period.to()), actor, calendar.now());
        if (!statements.publish(statement.publication())) {
            throw new StateConflictException("the statement of " + accountId + " for " + period.name()
                    + " was published at the same moment by someone else");
        }
        log.info("Published statement {} ({} entries, closing {} fen, hash {})", statement.id(),
                statement.entries().size(), statement.closingFen(), statement.hash());
        return statement;
    }

    public Statement get(String accountId, String periodName) {
        Period period = Period.parse(periodName);
        return statements.find(period.statementId(accountId)).orElseThrow(() ->
                new ResourceNotFoundException("statement", period.statementId(accountId)));
    }

    public StatementChain verify(String accountId, String kind) {
        List<Statement> chain = statements.chain(accountId, kind);
        return StatementChain.verify(accountId, kind, chain,
                s -> Statement.entriesOf(accountId, journal.of(accountId, s.from(), s.to()), s.openingFen()));
    }
}
