package org.federation.finance.transparency.application;

import java.time.LocalDate;
import java.util.List;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.ledger.application.BookingCalendar;
import org.federation.finance.statements.domain.Period;
import org.federation.finance.statements.domain.Statement;
import org.federation.finance.statements.domain.Statements;
import org.federation.finance.transparency.domain.LedgerTotals;
import org.federation.finance.transparency.domain.TrialBalance;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.RuleViolationException;
import org.springframework.stereotype.Service;

/**
 * What the federation shows everyone of its money (the design's "open to anonymous callers"):
 * an index of its own accounts with their balances and published statements, and the ledger's
 * trial balance. Clubs' accounts are not in the index (a club's money is its own people's and
 * the federation staff's business); they count in the trial balance only within the fund kind.
 */
@Service
public class Transparency {

    /**
     * One of the federation's accounts as the public sees it: its balance, how many statements are
     * published of it and the newest of each kind (without their entries).
     */
    public record PublicAccount(Account account, long publishedStatements, Statement latestMonth,
                                Statement latestSemester) {
    }

    private final Accounts accounts;
    private final Statements statements;
    private final LedgerTotals totals;
    private final BookingCalendar calendar;

    Transparency(Accounts accounts, Statements statements, LedgerTotals totals, BookingCalendar calendar) {
        this.accounts = accounts;
        this.statements = statements;
        this.totals = totals;
        this.calendar = calendar;
    }

    /**
     * A page of the federation's accounts, by id. Their number is fixed by the chart of accounts
     * (a dozen or so), so they are read at once and paged here; each account's statements are
     * counted and its newest ones found by the statements' own paged query.
     */
    public PageOf<PublicAccount> accounts(int page, int size) {
        List<Account> federation = accounts.ofFederation();
        List<PublicAccount> items = federation.stream().skip((long) page * size).limit(size).map(this::shown).toList();
        return new PageOf<>(items, page, size, federation.size());
    }

    private PublicAccount shown(Account account) {
        PageOf<Statement> months = statements.page(account.id(), Period.MONTH, 0, 1);
        PageOf<Statement> semesters = statements.page(account.id(), Period.SEMESTER, 0, 1);
        return new PublicAccount(account, months.totalItems() + semesters.totalItems(), first(months), first(semesters));
    }

    private static Statement first(PageOf<Statement> page) {
        return page.items().isEmpty() ? null : page.items().get(0);
    }

    /**
     * The trial balance of everything booked up to {@code asOf} (today, in the federation's time
     * zone, when null). A day still to come is refused: its balance could still change.
     */
    public TrialBalance trialBalance(LocalDate asOf) {
        LocalDate today = calendar.today();
        if (asOf != null && asOf.isAfter(today)) {
            throw new RuleViolationException("asOf", "must be today (" + today + ") or earlier: a day still to come may "
                    + "yet have bookings");
        }
        LocalDate day = asOf == null ? today : asOf;
        return TrialBalance.of(day, totals.byAccount(day));
    }
}
