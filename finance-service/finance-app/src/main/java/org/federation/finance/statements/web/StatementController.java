package org.federation.finance.statements.web;

import org.federation.finance.FinanceResources;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.clubs.application.ClubRights;
import org.federation.finance.statements.application.StatementPublishing;
import org.federation.finance.statements.domain.Period;
import org.federation.finance.statements.domain.Statement;
import org.federation.finance.statements.domain.StatementChain;
import org.federation.finance.statements.domain.Statements;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Statements of an account: published by the Finance Department, read by the club's own people
 * and the federation's staff, and, for the federation's accounts, by anyone, signed in or not.
 */
@RestController
@RequestMapping("/api/accounts/{accountId}")
@Validated
class StatementController {

    /** The federation's statements and their chain verification are public (design, "Contracts"). */
    @Configuration(proxyBeanMethods = false)
    static class PublicStatements {
        @Bean
        PublicEndpoints publicFederationStatements() {
            return PublicEndpoints.reading("/api/accounts/federation-*/statements",
                    "/api/accounts/federation-*/statements/*", "/api/accounts/federation-*/statements/*/csv",
                    "/api/accounts/federation-*/statements/*/pdf", "/api/accounts/federation-*/statement-chains/*");
        }
    }

    record PublishRequest(@NotBlank @Size(max = 20) String period) {
    }

    private final StatementPublishing publishing;
    private final Statements statements;
    private final Accounts accounts;
    private final ClubRights rights;
    private final PrintedStatements printed;

    StatementController(StatementPublishing publishing, Statements statements, Accounts accounts, ClubRights rights,
                        PrintedStatements printed) {
        this.printed = printed;
        this.publishing = publishing;
        this.statements = statements;
        this.accounts = accounts;
        this.rights = rights;
    }

    /** Publishes the account's statement for a period that is over (Finance Department): 201. */
    @PostMapping("/statements")
    ResponseEntity<Statement> publish(@PathVariable String accountId, @Valid @RequestBody PublishRequest request,
                                      Caller caller) {
        rights.requireFinance(caller, "publishing a statement");
        Statement statement = publishing.publish(accountId, request.period().strip(), caller.subject());
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId + "/statements/" + statement.period()))
                .body(statement);
    }

    /** The account's statements newest first (without their entries), optionally of one kind. */
    @GetMapping("/statements")
    PageOf<Statement> list(@PathVariable String accountId,
                           @RequestParam(required = false) @Pattern(regexp = "month|semester") String kind,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        readable(accountId, caller);
        return statements.page(accountId, kind, page, size);
    }

    /** One statement with every entry, its hash and the previous statement's. */
    @GetMapping("/statements/{period}")
    Statement get(@PathVariable String accountId, @PathVariable String period, Caller caller) {
        readable(accountId, caller);
        return publishing.get(accountId, period);
    }

    /** The statement as a CSV download. */
    @GetMapping(path = "/statements/{period}/csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@PathVariable String accountId, @PathVariable String period, Caller caller) {
        readable(accountId, caller);
        Statement statement = publishing.get(accountId, period);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(statement.id() + ".csv").build().toString())
                .header("X-Statement-Hash", statement.hash())
                .body(StatementCsv.of(statement).bytes());
    }

    /**
     * The statement as a printable PDF with a chart of income and spending by category. A published
     * statement never changes: printed once ({@link PrintedStatements}), cacheable for a year as
     * immutable (publicly for the federation's accounts, by the reader's own browser only for a
     * club's), with an {@code ETag}; {@code If-None-Match} with it answers 304 (Spring compares it).
     */
    @GetMapping(path = "/statements/{period}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String accountId, @PathVariable String period, Caller caller) {
        Account account = readable(accountId, caller);
        Statement statement = publishing.get(accountId, period);
        CacheControl immutable = CacheControl.maxAge(Duration.ofDays(365)).immutable();
        return ResponseEntity.ok()
                .cacheControl(account.clubId() == null ? immutable.cachePublic() : immutable.cachePrivate())
                .eTag(PrintedStatements.etag(statement))
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(statement.id() + ".pdf").build().toString())
                .header("X-Statement-Hash", statement.hash())
                .body(printed.pdf(statement));
    }

    /** Verifies the account's chain of statements of one kind (hashes, links, balances, the ledger under them). */
    @GetMapping("/statement-chains/{kind}")
    StatementChain verify(@PathVariable String accountId, @PathVariable @Pattern(regexp = "month|semester") String kind,
                          Caller caller) {
        readable(accountId, caller);
        return publishing.verify(accountId, kind);
    }

    private Account readable(String accountId, Caller caller) {
        Account account = accounts.find(accountId).orElseThrow(() -> new ResourceNotFoundException("account", accountId));
        if (account.clubId() != null) {
            rights.requireInsight(caller, account.clubId(), FinanceResources.STATEMENTS, "club " + account.clubId() + "'s statements");
        }
        return account;
    }

}
