package org.federation.finance.transparency.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.statements.domain.Statement;
import org.federation.finance.transparency.application.Transparency;
import org.federation.finance.transparency.domain.TrialBalance;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The federation's transparency page, open to anyone signed in or not (and so rate-limited per
 * address): the index of its accounts, with links to every published statement, its PDF and the
 * verification of its chain (those endpoints are public for the federation's accounts, see the
 * statements), and the ledger's trial balance.
 */
@RestController
@RequestMapping("/api/transparency")
@Validated
class TransparencyController {

    /** Both are on the design's list of what anonymous callers may read. */
    @Configuration(proxyBeanMethods = false)
    static class Open {
        @Bean
        PublicEndpoints publicTransparency() {
            return PublicEndpoints.reading("/api/transparency/accounts", "/api/transparency/trial-balance");
        }
    }

    /**
     * Balances and statements change with every booking and publication, so shared caches may
     * keep an answer a minute, not longer.
     */
    private static final CacheControl A_MINUTE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    /** Where to read or verify an account's statements. */
    record AccountLinks(String statements, String monthChain, String semesterChain) {
    }

    /** Where to read one statement whole, as a PDF or as CSV. */
    record StatementLinks(String self, String pdf, String csv) {
    }

    /** A published statement, its figures and hash, without its entries. */
    record PublishedStatement(String period, String periodKind, LocalDate from, LocalDate to, long openingFen,
                              long incomeFen, long spendingFen, long closingFen, String hash, Instant publishedAt,
                              StatementLinks links) {

        static PublishedStatement of(Statement s) {
            if (s == null) {
                return null;
            }
            String self = "/api/accounts/" + s.accountId() + "/statements/" + s.period();
            return new PublishedStatement(s.period(), s.periodKind(), s.from(), s.to(), s.openingFen(), s.incomeFen(),
                    s.spendingFen(), s.closingFen(), s.hash(), s.publishedAt(),
                    new StatementLinks(self, self + "/pdf", self + "/csv"));
        }
    }

    /**
     * One of the federation's accounts.
     *
     * @param balanceFen          its balance now, on its normal side (fen)
     * @param publishedStatements how many statements of it are published, monthly and by semester
     * @param latestMonth         the newest monthly statement, or null
     * @param latestSemester      the newest semester statement, or null
     */
    record FederationAccount(String id, String name, String kind, long balanceFen, String state,
                             long publishedStatements, PublishedStatement latestMonth, PublishedStatement latestSemester,
                             AccountLinks links) {

        static FederationAccount of(Transparency.PublicAccount shown) {
            Account a = shown.account();
            String base = "/api/accounts/" + a.id();
            return new FederationAccount(a.id(), a.name(), a.kind(), a.balanceFen(), a.state(),
                    shown.publishedStatements(), PublishedStatement.of(shown.latestMonth()),
                    PublishedStatement.of(shown.latestSemester()),
                    new AccountLinks(base + "/statements", base + "/statement-chains/month",
                            base + "/statement-chains/semester"));
        }
    }

    private final Transparency transparency;

    TransparencyController(Transparency transparency) {
        this.transparency = transparency;
    }

    /** The federation's accounts, by id: balance, published statements and where to read and verify them. */
    @GetMapping("/accounts")
    ResponseEntity<PageOf<FederationAccount>> accounts(@RequestParam(defaultValue = "0") @Min(0) int page,
                                                       @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        PageOf<Transparency.PublicAccount> shown = transparency.accounts(page, size);
        return ResponseEntity.ok().cacheControl(A_MINUTE).body(new PageOf<>(
                shown.items().stream().map(FederationAccount::of).toList(), page, size, shown.totalItems()));
    }

    /**
     * The trial balance per account kind of everything booked up to {@code asOf} (inclusive; today
     * in the federation's time zone when absent): debits equal credits.
     */
    @GetMapping("/trial-balance")
    ResponseEntity<TrialBalance> trialBalance(@RequestParam(required = false)
                                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return ResponseEntity.ok().cacheControl(A_MINUTE).body(transparency.trialBalance(asOf));
    }
}
