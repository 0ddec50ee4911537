package org.federation.finance.access;

import static org.federation.platform.testing.AuthorizationMatrix.Expect.only;
import static org.federation.platform.testing.Persona.FINANCE_MEMBER;
import static org.federation.platform.testing.Persona.ORGANIZATION_HEAD;
import static org.federation.platform.testing.Persona.ORGANIZATION_MEMBER;
import static org.federation.platform.testing.Persona.LEADER;
import static org.federation.platform.testing.Persona.MEMBER;
import static org.federation.platform.testing.Persona.PRESIDIUM;
import static org.federation.platform.testing.Persona.presidiumLiaisonAnd;
import static org.federation.platform.testing.Persona.EXTERNAL_RELATIONS_MEMBER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.budgets.application.BudgetDesk;
import org.federation.finance.budgets.domain.Budget;
import org.federation.finance.fees.application.FeeBook;
import org.federation.finance.sponsorship.application.SponsorshipDesk;
import org.federation.finance.clubs.domain.KnownClubs;
import org.federation.finance.ledger.application.Ledger;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.finance.statements.application.StatementPublishing;
import org.federation.platform.testing.AuthorizationMatrix;
import org.federation.platform.testing.AuthorizationMatrix.Expect;
import org.federation.platform.testing.BadInputCampaign;
import org.federation.platform.testing.BadInputs;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RefusesBadTokens;
import org.federation.platform.testing.StoredData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may read and do what in finance-service, which tokens it refuses, and what generated bad
 * input gets. Club rights come from finance-service's own directory: the leader and member here are
 * made so by a {@code club.established} event, never by their tokens.
 */
@FinanceServiceTest
class FinanceAccessTest extends EmbeddedBackboneProperties implements RefusesBadTokens {

    static final String OWN_CLUB = "club-own-" + UUID.randomUUID();
    static final String OTHER_CLUB = "club-other-" + UUID.randomUUID();
    static final String OWN_ACCOUNT = "acct-" + OWN_CLUB;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static String ownTransaction;
    static final String FEE_YEAR = "2026-2027";
    static final String FEES = "/api/clubs/" + OWN_CLUB + "/fees";
    static final String BUDGET = "act-" + UUID.randomUUID();
    static final Map<Persona, String> TO_APPROVE = Map.of(PRESIDIUM, "act-" + UUID.randomUUID(), FINANCE_MEMBER,
            "act-" + UUID.randomUUID());
    static final Map<Persona, String> TO_CLOSE = Map.of(PRESIDIUM, "act-" + UUID.randomUUID(), FINANCE_MEMBER,
            "act-" + UUID.randomUUID());
    static final String REJECTED = "act-" + UUID.randomUUID();
    static final Map<Persona, String> CLAIM_TO_WITHDRAW = new java.util.HashMap<>();
    static final Map<Persona, String> RECEIPT_TO_WITHDRAW = new java.util.HashMap<>();
    static final Map<Persona, String> TO_REJECT = Map.of(PRESIDIUM, "act-" + UUID.randomUUID(), FINANCE_MEMBER,
            "act-" + UUID.randomUUID());

    @Autowired
    KnownClubs directory;
    @Autowired
    Accounts accounts;
    @Autowired
    Ledger ledger;
    @Autowired
    StatementPublishing statements;
    @Autowired
    BudgetDesk budgets;
    @Autowired
    FeeBook fees;
    @Autowired
    SponsorshipDesk sponsorships;
    static String sponsorship;

    @BeforeEach
    void clubs() {
        ClubFacts.ensureOwnAndOtherClubWithLiaisons(OWN_CLUB, OTHER_CLUB, id -> directory.find(id).isPresent() && accounts.find("acct-" + id).isPresent());
        if (ownTransaction == null) {
            ownTransaction = ledger.post(Transaction.create("access-" + UUID.randomUUID(), Transaction.MANUAL, "grant",
                    "a grant to the own club", "test", new Transaction.Source("manual", null, null), LocalDate.now(),
                    Instant.now(), List.of(Line.debit(OWN_ACCOUNT, 10_000, null),
                            Line.credit("federation-income-other", 10_000, null)), null)).transaction().id();
            statements.publish(OWN_ACCOUNT, "2018-12", "test");
            List.of(BUDGET, TO_APPROVE.get(PRESIDIUM), TO_APPROVE.get(FINANCE_MEMBER), TO_REJECT.get(PRESIDIUM),
                    TO_REJECT.get(FINANCE_MEMBER), TO_CLOSE.get(PRESIDIUM), TO_CLOSE.get(FINANCE_MEMBER), REJECTED).forEach(activity -> budgets.receive(Budget.requested(activity,
                    "Spring gala", OWN_CLUB, null, 1_000_000, "hall and sound", LEADER.subject(), 1, Instant.now())));
            budgets.approve(BUDGET, 1_000_000, null, null, "test", "approval-test");
            budgets.reject(REJECTED, "no plan", "test", "rejection-test");
            fees.setRule(OWN_CLUB, FEE_YEAR, 5000, null, "test");
            sponsorship = sponsorships.record("校园书店", "SP-1", "prizes", OWN_CLUB, 1_000_000, LocalDate.now().minusDays(9),
                    "test").id();
            LocalDate day = LocalDate.now().minusDays(1);
            for (Persona claimant : List.of(PRESIDIUM, FINANCE_MEMBER, LEADER)) {
                CLAIM_TO_WITHDRAW.put(claimant, budgets.claim(BUDGET, new BudgetDesk.ClaimRequest(100, "printing", "posters",
                        "打印店", day, new Budget.Receipt("R-" + claimant, day, "打印店")), "test", "access-" + java.util.UUID.randomUUID()).id());
            }
            for (Persona finance : List.of(PRESIDIUM, FINANCE_MEMBER)) {
                RECEIPT_TO_WITHDRAW.put(finance, sponsorships.receive(sponsorship, 100, day, null, "test",
                        "access-" + java.util.UUID.randomUUID()).id());
            }
        }
    }

    @Override
    public HttpCall protectedCall() {
        return HttpCall.get("/api/clubs");
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static Map<String, Object> validTransaction() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "grant");
        body.put("description", "the university's grant");
        body.put("bookedOn", LocalDate.now().minusDays(1).toString());
        body.put("lines", List.of(Map.of("accountId", "federation-general", "side", "debit", "amountFen", 1),
                Map.of("accountId", "federation-income-other", "side", "credit", "amountFen", 1)));
        return body;
    }

    @Test
    void everyEndpointAnswersEachPersonaExactlyAsTheRulesSay() {
        new AuthorizationMatrix()
                .row("GET /api/clubs", HttpCall.get("/api/clubs"), only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/clubs/{id}", HttpCall.get("/api/clubs/" + OWN_CLUB), only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER, MEMBER)))
                .row("GET /api/accounts", HttpCall.get("/api/accounts?clubId=" + OWN_CLUB), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("GET /api/accounts/{id}", HttpCall.get("/api/accounts/" + OWN_ACCOUNT), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("GET /api/accounts/{id}/transactions", HttpCall.get("/api/accounts/" + OWN_ACCOUNT + "/transactions"),
                        only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("POST /api/ledger/transactions", HttpCall.postJson("/api/ledger/transactions", json(validTransaction())),
                        only(201, PRESIDIUM, FINANCE_MEMBER))
                .row("GET /api/ledger/transactions/{id}", HttpCall.get("/api/ledger/transactions/" + ownTransaction),
                        only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("POST /api/ledger/transactions/{id}/reversal", HttpCall.postJson("/api/ledger/transactions/"
                        + ownTransaction + "/reversal", "{\"reason\":\"booked on the wrong club\"}"), only(201, PRESIDIUM, FINANCE_MEMBER))
                .row("POST /api/accounts/{accountId}/statements", persona -> HttpCall.postJson("/api/accounts/" + OWN_ACCOUNT
                        + "/statements", "{\"period\":\"" + (persona == PRESIDIUM ? "2019-autumn" : "2019-01") + "\"}"),
                        only(201, PRESIDIUM, FINANCE_MEMBER))
                .row("GET /api/accounts/{accountId}/statements", HttpCall.get("/api/accounts/" + OWN_ACCOUNT + "/statements"),
                        only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("GET /api/accounts/{accountId}/statements/{period}", HttpCall.get("/api/accounts/" + OWN_ACCOUNT
                        + "/statements/2018-12"), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("GET /api/accounts/{accountId}/statements/{period}/csv", HttpCall.get("/api/accounts/" + OWN_ACCOUNT
                        + "/statements/2018-12/csv"), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("GET /api/accounts/{accountId}/statements/{period}/pdf", HttpCall.get("/api/accounts/" + OWN_ACCOUNT
                        + "/statements/2018-12/pdf"), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("GET /api/accounts/{accountId}/statement-chains/{kind}", HttpCall.get("/api/accounts/" + OWN_ACCOUNT
                        + "/statement-chains/month"), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("GET /api/budgets", HttpCall.get("/api/budgets?clubId=" + OWN_CLUB), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("GET /api/budgets/{activityId}", HttpCall.get("/api/budgets/" + BUDGET), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("POST /api/budgets/{activityId}/approval", persona -> HttpCall.postJson("/api/budgets/"
                        + TO_APPROVE.getOrDefault(persona, TO_APPROVE.get(PRESIDIUM)) + "/approval", "{\"approvedFen\":500000}"),
                        only(200, PRESIDIUM, FINANCE_MEMBER))
                .row("POST /api/budgets/{activityId}/rejection", persona -> HttpCall.postJson("/api/budgets/"
                        + TO_REJECT.getOrDefault(persona, TO_REJECT.get(PRESIDIUM)) + "/rejection", "{\"reason\":\"no plan\"}"),
                        only(200, PRESIDIUM, FINANCE_MEMBER))
                .row("POST /api/budgets/{activityId}/claims", HttpCall.postJson("/api/budgets/" + BUDGET + "/claims",
                        json(validClaim())), only(201, PRESIDIUM, FINANCE_MEMBER, LEADER))
                .row("POST /api/budgets/{activityId}/claims/{claimId}/withdrawal", persona -> HttpCall.postJson("/api/budgets/"
                        + BUDGET + "/claims/" + CLAIM_TO_WITHDRAW.getOrDefault(persona, CLAIM_TO_WITHDRAW.get(LEADER))
                        + "/withdrawal", "{\"reason\":\"wrong amount\"}"), only(200, PRESIDIUM, FINANCE_MEMBER, LEADER))
                .row("POST /api/budgets/{activityId}/closure", persona -> HttpCall.postJson("/api/budgets/"
                        + TO_CLOSE.getOrDefault(persona, TO_CLOSE.get(PRESIDIUM)) + "/closure", "{\"reason\":\"over\"}"),
                        only(200, PRESIDIUM, FINANCE_MEMBER))
                .row("GET /api/clubs/{clubId}/fees", HttpCall.get(FEES), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("GET /api/clubs/{clubId}/fees/{year}", HttpCall.get(FEES + "/" + FEE_YEAR), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER, MEMBER)))
                .row("PUT /api/clubs/{clubId}/fees/{year}", new HttpCall("PUT", FEES + "/2027-2028", "application/json",
                        "{\"amountFen\":6000}"), only(200, PRESIDIUM, FINANCE_MEMBER, LEADER))
                .row("POST /api/clubs/{clubId}/fees/{year}/payments", persona -> HttpCall.postJson(FEES + "/" + FEE_YEAR
                        + "/payments", "{\"studentNumber\":\"" + (persona == LEADER ? LEADER : persona == PRESIDIUM ? MEMBER
                        : Persona.STUDENT).subject() + "\",\"paidOn\":\"" + LocalDate.now().minusDays(1) + "\"}"),
                        only(201, PRESIDIUM, LEADER).but(FINANCE_MEMBER, 422))
                .row("POST /api/clubs/{clubId}/fees/{year}/payments/import", HttpCall.post(FEES + "/" + FEE_YEAR
                        + "/payments/import", "text/csv", "studentNumber,amountFen,paidOn\n" + Persona.STUDENT.subject()
                        + ",5000,2026-09-01"), only(422, PRESIDIUM, FINANCE_MEMBER, LEADER))
                .row("POST /api/sponsorships", HttpCall.postJson("/api/sponsorships", json(validSponsorship())),
                        only(201, PRESIDIUM, FINANCE_MEMBER, EXTERNAL_RELATIONS_MEMBER, LEADER))
                .row("GET /api/sponsorships", HttpCall.get("/api/sponsorships?clubId=" + OWN_CLUB), only(200, presidiumLiaisonAnd(FINANCE_MEMBER, EXTERNAL_RELATIONS_MEMBER, LEADER, MEMBER)))
                .row("GET /api/sponsorships/{id}", persona -> HttpCall.get("/api/sponsorships/" + sponsorship),
                        only(200, presidiumLiaisonAnd(FINANCE_MEMBER, EXTERNAL_RELATIONS_MEMBER, LEADER, MEMBER)))
                .row("POST /api/sponsorships/{id}/receipts", persona -> HttpCall.postJson("/api/sponsorships/" + sponsorship
                        + "/receipts", "{\"amountFen\":100,\"receivedOn\":\"" + LocalDate.now().minusDays(1) + "\"}"),
                        only(201, PRESIDIUM, FINANCE_MEMBER))
                .row("POST /api/sponsorships/{id}/receipts/{receiptId}/withdrawal", persona -> HttpCall.postJson(
                        "/api/sponsorships/" + sponsorship + "/receipts/" + RECEIPT_TO_WITHDRAW.getOrDefault(persona,
                                RECEIPT_TO_WITHDRAW.get(PRESIDIUM)) + "/withdrawal", "{\"reason\":\"bounced\"}"),
                        only(200, PRESIDIUM, FINANCE_MEMBER))
                .row("GET /api/transparency/accounts", HttpCall.get("/api/transparency/accounts"), Expect.everyone(200))
                .row("GET /api/transparency/trial-balance", HttpCall.get("/api/transparency/trial-balance?asOf=2019-12-31"),
                        Expect.everyone(200))
                .withPlatformEndpoints()
                .verify(mappings, app());
    }

    @Test
    void everyEndpointSurvivesGeneratedBadInputWithAPreciseProblemAndNoChange() {
        new BadInputCampaign(Persona.PRESIDIUM.on(app()), () -> StoredData.of(mongo))
                .refuses("GET /api/clubs (paging)", 400, BadInputs.badPaging().map(q -> HttpCall.get("/api/clubs?" + q)), 200)
                .refusesIds("GET /api/clubs/{id}", ids -> ids.map(id -> HttpCall.get("/api/clubs/" + id)), 150)
                .refuses("unsupported methods on /api/clubs", 405, BadInputs.unsupportedMethods("/api/clubs"), 150)
                .refuses("unsupported methods on /api/clubs/{id}", 405, BadInputs.unsupportedMethods("/api/clubs/" + OWN_CLUB), 100)
                .refuses("unknown paths", 404, BadInputs.unknownPaths(), 100)
                .refuses("GET /api/transparency/accounts (paging)", 400, BadInputs.badPaging()
                        .map(q -> HttpCall.get("/api/transparency/accounts?" + q)), 50)
                .refuses("GET /api/transparency/trial-balance (not a date)", 400, BadInputs.notADate()
                        .map(d -> BadInputs.encode(String.valueOf(d))).filter(d -> !d.isEmpty())
                        .map(d -> HttpCall.get("/api/transparency/trial-balance?asOf=" + d)), 40)
                .refuses("GET /api/transparency/trial-balance (a day still to come)", 422, Arbitraries.of("2999-01-01", "9999-12-31")
                        .map(d -> HttpCall.get("/api/transparency/trial-balance?asOf=" + d)), 10)
                .refuses("GET /api/accounts (missing or blank clubId)", 400, Arbitraries.of("", "?clubId=", "?clubId=%20%20",
                        "?clubid=x", "?club=x", "?owner=club", "?owner=", "?owner=federation&clubId=x")
                        .map(q -> HttpCall.get("/api/accounts" + q)), 50)
                .survives("GET /api/accounts (odd club ids)", BadInputs.unknownIds()
                        .map(id -> HttpCall.get("/api/accounts?clubId=" + BadInputs.encode(id))), 150)
                .refusesIds("GET /api/accounts/{id}", ids -> ids.map(id -> HttpCall.get("/api/accounts/" + id)), 150)
                .refuses("unsupported methods on /api/accounts", 405, BadInputs.unsupportedMethods("/api/accounts?clubId=" + OWN_CLUB), 50)
                .refuses("GET /api/accounts/{id}/transactions (paging)", 400, BadInputs.badPaging()
                        .map(q -> HttpCall.get("/api/accounts/" + OWN_ACCOUNT + "/transactions?" + q)), 100)
                .refusesIds("GET /api/accounts/{id}/transactions", ids -> ids.map(id -> HttpCall.get("/api/accounts/" + id + "/transactions")), 50)
                .refuses("POST /api/ledger/transactions (broken JSON)", 400, BadInputs.brokenJson(validTransaction())
                        .map(body -> HttpCall.postJson("/api/ledger/transactions", body)), 100)
                .refuses("POST /api/ledger/transactions (invalid fields)", 400, BadInputs.withInvalidFields(validTransaction(),
                        Map.of("category", Arbitraries.oneOf(BadInputs.blankOrHuge(40), BadInputs.structurallyWrong(),
                                        Arbitraries.of("Grant", "grant money", "-x", "über", 42).map(v -> (Object) v)),
                                "description", Arbitraries.oneOf(BadInputs.blankOrHuge(500), BadInputs.structurallyWrong()),
                                "bookedOn", Arbitraries.oneOf(Arbitraries.of("yesterday", "2026-13-01", "", "2026-02-30")
                                                .map(v -> (Object) v), BadInputs.notADate(), BadInputs.structurallyWrong(),
                                        BadInputs.absent()),
                                "lines", malformedLines())).map(body -> HttpCall.postJson("/api/ledger/transactions", body)), 170)
                .refuses("POST /api/ledger/transactions (unbalanced, unknown accounts, too much, dated outside the books)", 422,
                        BadInputs.withInvalidFields(validTransaction(), Map.of(
                                "bookedOn", Arbitraries.of("1999-12-31", LocalDate.now().plusDays(3).toString()),
                                "lines", ruleBreakingLines())).map(body -> HttpCall.postJson("/api/ledger/transactions", body)), 40)
                .refuses("POST /api/ledger/transactions (wrong media type)", 415, Arbitraries.of("text/plain", "application/xml",
                        "text/csv").map(type -> HttpCall.post("/api/ledger/transactions", type, json(validTransaction()))), 20)
                .refusesIds("POST /api/ledger/transactions/{id}/reversal", ids -> ids.map(id -> HttpCall.postJson("/api/ledger/transactions/" + id + "/reversal", "{\"reason\":\"x\"}")), 100)
                .refuses("POST /api/ledger/transactions/{id}/reversal (bad bodies)", 400, Arbitraries.oneOf(
                        BadInputs.brokenJson(Map.of("reason", "x")), BadInputs.withInvalidFields(Map.of("reason", "x"),
                                Map.of("reason", Arbitraries.oneOf(BadInputs.blankOrHuge(500), BadInputs.structurallyWrong(),
                                        BadInputs.absent()))))
                        .map(body -> HttpCall.postJson("/api/ledger/transactions/" + ownTransaction + "/reversal", body)), 100)
                .refusesIds("GET /api/ledger/transactions/{id}", ids -> ids.map(id -> HttpCall.get("/api/ledger/transactions/" + id)), 100)
                .refuses("POST /api/accounts/{id}/statements (bad bodies)", 400, Arbitraries.oneOf(
                        BadInputs.brokenJson(Map.of("period", "2019-02")),
                        BadInputs.withInvalidFields(Map.of("period", "2019-02"), Map.of("period", Arbitraries.oneOf(
                                BadInputs.blankOrHuge(20), BadInputs.structurallyWrong(), BadInputs.absent()))))
                        .map(body -> HttpCall.postJson("/api/accounts/" + OWN_ACCOUNT + "/statements", body)), 110)
                // a period is a month such as 2026-10 or a semester such as 2026-autumn: the federation's rule (422)
                .refuses("POST /api/accounts/{id}/statements (not a month or semester)", 422, Arbitraries.of("2019-13", "2019-00",
                                "2019-winter", "19-01", "2019-1", "2019-summer")
                        .map(p -> HttpCall.postJson("/api/accounts/" + OWN_ACCOUNT + "/statements", "{\"period\":\"" + p + "\"}")), 20)
                .refuses("POST /api/accounts/{id}/statements (before the account or not over yet)", 409, Arbitraries.of("2018-12",
                                "2999-01", "2999-autumn")
                        .map(p -> HttpCall.postJson("/api/accounts/" + OWN_ACCOUNT + "/statements", "{\"period\":\"" + p + "\"}")), 10)
                .refusesIds("POST /api/accounts/{id}/statements", ids -> ids.map(id -> HttpCall.postJson("/api/accounts/" + id
                        + "/statements", "{\"period\":\"2019-02\"}")), 50)
                .refuses("GET /api/accounts/{id}/statements/{period}[/csv|/pdf] (no statement for the period)", 404, Arbitraries.of(
                        "2017-01", "2018-11", "2018-autumn").flatMap(p -> Arbitraries.of("", "/csv", "/pdf").map(f ->
                        HttpCall.get("/api/accounts/" + OWN_ACCOUNT + "/statements/" + p + f))), 30)
                .refuses("GET /api/accounts/{id}/statements/{period}[/csv|/pdf] (not a month or semester)", 422, Arbitraries.oneOf(
                        Arbitraries.of("2019-13", "x", "2018-12x"), BadInputs.unknownIds()).flatMap(p -> Arbitraries.of("", "/csv", "/pdf")
                        .map(f -> HttpCall.get("/api/accounts/" + OWN_ACCOUNT + "/statements/" + p + f))), 80)
                .refuses("GET /api/accounts/{id}/statements/{period} (refused unread)", 400, BadInputs.malformedIds()
                        .map(p -> HttpCall.get("/api/accounts/" + OWN_ACCOUNT + "/statements/" + p)), 20)
                .refuses("GET /api/accounts/{id}/statements (paging)", 400, BadInputs.badPaging().map(q -> HttpCall.get("/api/accounts/"
                        + OWN_ACCOUNT + "/statements?" + q)), 100)
                .refuses("GET /api/accounts/{id}/statements (kinds)", 400, Arbitraries.of("kind=week", "kind=",
                        "kind=MONTH").map(q -> HttpCall.get("/api/accounts/"
                        + OWN_ACCOUNT + "/statements?" + q)), 30)
                .refuses("GET /api/accounts/{id}/statement-chains/{kind} (bad kinds)", 400, Arbitraries.of("week", "MONTH", "x",
                        "months").map(k -> HttpCall.get("/api/accounts/" + OWN_ACCOUNT + "/statement-chains/" + k)), 20)
                .refuses("GET /api/budgets (paging)", 400, BadInputs.badPaging().map(q -> HttpCall.get("/api/budgets?" + q)), 50)
                .refuses("GET /api/budgets (bad filters)", 400, Arbitraries.of("state=open", "state=", "state=APPROVED", "clubId=",
                        "clubId=" + "x".repeat(201)).map(q -> HttpCall.get("/api/budgets?" + q)), 20)
                .refusesIds("GET /api/budgets/{activityId}", ids -> ids.map(id -> HttpCall.get("/api/budgets/" + id)), 50)
                .refuses("POST /api/budgets/{activityId}/approval (bad bodies)", 400, Arbitraries.oneOf(
                        BadInputs.brokenJson(Map.of("approvedFen", 1)), BadInputs.withInvalidFields(
                                Map.of("approvedFen", 1, "fundingAccountId", "federation-general"), Map.of(
                                        "approvedFen", Arbitraries.oneOf(Arbitraries.of(0, -1, 12.5, "100", true)
                                                .map(v -> (Object) v), BadInputs.structurallyWrong(), BadInputs.absent()),
                                        "fundingAccountId", Arbitraries.oneOf(Arbitraries.just(""), BadInputs.structurallyWrong()))))
                        .map(body -> HttpCall.postJson("/api/budgets/" + TO_APPROVE.get(PRESIDIUM) + "/approval", body)), 120)
                // more than was requested; funding from an account that is no fund, does not exist or is another club's
                .refuses("POST /api/budgets/{activityId}/approval (more than requested, accounts that cannot pay)", 422,
                        BadInputs.withInvalidFields(Map.of("approvedFen", 1, "fundingAccountId", "federation-general"), Map.of(
                                "approvedFen", Arbitraries.just(1_000_001),
                                "fundingAccountId", Arbitraries.of("federation-income-fees", "federation-expense-activities",
                                        "acct-nobody", "acct-" + OTHER_CLUB)))
                        .map(body -> HttpCall.postJson("/api/budgets/" + TO_APPROVE.get(PRESIDIUM) + "/approval", body)), 30)
                .refusesIds("POST /api/budgets/{activityId}/approval", ids -> ids.map(id -> HttpCall.postJson("/api/budgets/" + id
                        + "/approval", "{\"approvedFen\":1}")), 40)
                .refuses("POST /api/budgets/{activityId}/{approval|rejection} (decided already)", 409, Arbitraries.of("approval",
                        "rejection").map(step -> HttpCall.postJson("/api/budgets/" + BUDGET + "/" + step,
                        step.equals("approval") ? "{\"approvedFen\":1}" : "{\"reason\":\"x\"}")), 10)
                .refuses("POST /api/budgets/{activityId}/{rejection|closure|claims/{claimId}/withdrawal} (broken JSON)", 400,
                        Arbitraries.oneOf(
                                BadInputs.brokenJson(Map.of("reason", "x")).map(body -> HttpCall.postJson("/api/budgets/"
                                        + TO_REJECT.get(PRESIDIUM) + "/rejection", body)),
                                BadInputs.brokenJson(Map.of("reason", "x")).map(body -> HttpCall.postJson("/api/budgets/"
                                        + TO_CLOSE.get(PRESIDIUM) + "/closure", body)),
                                BadInputs.brokenJson(Map.of("reason", "x")).map(body -> HttpCall.postJson("/api/budgets/" + BUDGET
                                        + "/claims/" + CLAIM_TO_WITHDRAW.get(LEADER) + "/withdrawal", body))), 150)
                .refusesIds("POST /api/budgets/{activityId}/rejection|closure", ids -> Arbitraries.of("rejection", "closure")
                        .flatMap(step -> ids.map(id -> HttpCall.postJson("/api/budgets/" + id + "/" + step, "{\"reason\":\"x\"}"))), 60)
                .refuses("POST /api/budgets/{activityId}/closure (rejected)", 409, Arbitraries.just(
                        HttpCall.postJson("/api/budgets/" + REJECTED + "/closure", "{\"reason\":\"x\"}")), 3)
                .refusesIds("POST /api/budgets/{activityId}/claims/{claimId}/withdrawal", ids -> Arbitraries.oneOf(
                        ids.map(id -> HttpCall.postJson("/api/budgets/" + BUDGET + "/claims/" + id + "/withdrawal", "{\"reason\":\"x\"}")),
                        ids.map(id -> HttpCall.postJson("/api/budgets/" + id + "/claims/" + CLAIM_TO_WITHDRAW.get(LEADER)
                                + "/withdrawal", "{\"reason\":\"x\"}"))), 60)
                .refuses("POST /api/budgets/{activityId}/claims (spent or receipted outside the books)", 422,
                        BadInputs.withInvalidFields(validClaim(), Map.of(
                                "spentOn", Arbitraries.of("1999-01-01", LocalDate.now().plusDays(2).toString()),
                                "receipt", Arbitraries.just(Map.of("number", "1", "issuedOn", LocalDate.now().plusDays(5).toString(),
                                        "issuer", "x"))))
                        .map(body -> HttpCall.postJson("/api/budgets/" + BUDGET + "/claims", body)), 20)
                .refuses("POST /api/budgets/{activityId}/claims (bad bodies)", 400, Arbitraries.oneOf(
                        BadInputs.brokenJson(validClaim()), BadInputs.withInvalidFields(validClaim(), Map.of(
                                "amountFen", Arbitraries.oneOf(Arbitraries.of(0, -5, 0.5, "700", 2_000_000_000L)
                                        .map(v -> (Object) v), BadInputs.notAnAmount(), BadInputs.structurallyWrong(),
                                        BadInputs.absent()),
                                "category", Arbitraries.oneOf(BadInputs.blankOrHuge(40), Arbitraries.of("Venue", "a b")
                                        .map(v -> (Object) v)),
                                "description", BadInputs.blankOrHuge(300),
                                "payee", Arbitraries.oneOf(BadInputs.blankOrHuge(200), BadInputs.structurallyWrong()),
                                "spentOn", Arbitraries.oneOf(Arbitraries.of("tomorrow", "2026-02-30").map(v -> (Object) v),
                                        BadInputs.absent()),
                                "receipt", Arbitraries.oneOf(BadInputs.absent(), Arbitraries.of(Map.of("number", "1"),
                                        Map.of("number", "", "issuedOn", "2026-01-01", "issuer", "x"),
                                        List.of()).map(v -> (Object) v)))))
                        .map(body -> HttpCall.postJson("/api/budgets/" + BUDGET + "/claims", body)), 160)
                .refusesIds("POST /api/budgets/{activityId}/claims", ids -> ids
                        .map(id -> HttpCall.postJson("/api/budgets/" + id + "/claims", json(validClaim()))), 40)
                .refuses("POST /api/budgets/{activityId}/claims (budget not decided)", 409, Arbitraries.just(
                        HttpCall.postJson("/api/budgets/" + TO_REJECT.get(FINANCE_MEMBER) + "/claims", json(validClaim()))), 3)
                .refuses("POST /api/budgets/{activityId}/claims (beyond what remains)", 409, Arbitraries.longs()
                        .between(1_000_001, 999_999_999).map(fen -> {
                            Map<String, Object> body = new LinkedHashMap<>(validClaim());
                            body.put("amountFen", fen);
                            return HttpCall.postJson("/api/budgets/" + BUDGET + "/claims", json(body));
                        }), 30)
                // an academic year not written as two consecutive years breaks the federation's rule (422)
                .refuses("GET /api/clubs/{clubId}/fees/{year} (years not consecutive)", 422, Arbitraries.of("2026", "2026-2028",
                        "2026-2025", "x", "2026_2027").map(y -> HttpCall.get(FEES + "/" + y)), 25)
                .refuses("GET /api/clubs/{clubId}/fees/{year} (no rule for the year)", 404, Arbitraries.just(
                        HttpCall.get(FEES + "/2030-2031")), 3)
                .refuses("PUT /api/clubs/{clubId}/fees/{year} (years not consecutive)", 422, Arbitraries.of("2028", "2028-2030", "x")
                        .map(y -> new HttpCall("PUT", FEES + "/" + y, "application/json", "{\"amountFen\":1}")), 10)
                .refusesIds("PUT /api/clubs/{clubId}/fees/{year}", ids -> ids.map(id -> new HttpCall("PUT", "/api/clubs/" + id
                        + "/fees/2028-2029", "application/json", "{\"amountFen\":1}")), 30)
                .refuses("PUT /api/clubs/{clubId}/fees/{year} (bad bodies)", 400, Arbitraries.oneOf(
                        BadInputs.brokenJson(Map.of("amountFen", 5000)).map(body -> new HttpCall("PUT", FEES + "/2028-2029",
                                "application/json", body)),
                        BadInputs.withInvalidFields(Map.of("amountFen", 5000, "dueOn", "2028-10-01"), Map.of(
                                "amountFen", Arbitraries.oneOf(Arbitraries.of(0, -1, 50.5, "5000", 10_000_001, false)
                                        .map(v -> (Object) v), BadInputs.absent(), BadInputs.structurallyWrong()),
                                "dueOn", Arbitraries.oneOf(Arbitraries.of("soon", "2028-02-30", 7).map(v -> (Object) v),
                                        BadInputs.structurallyWrong())))
                                .map(body -> new HttpCall("PUT", FEES + "/2028-2029", "application/json", body))), 90)
                .refuses("POST /api/clubs/{clubId}/fees/{year}/payments (bad bodies)", 400, Arbitraries.oneOf(
                        BadInputs.brokenJson(Map.of("studentNumber", "x")), BadInputs.withInvalidFields(
                                Map.of("studentNumber", MEMBER.subject(), "paidOn", "2026-10-01"), Map.of(
                                        "studentNumber", Arbitraries.oneOf(BadInputs.blankOrHuge(32), BadInputs.structurallyWrong()),
                                        "paidOn", Arbitraries.oneOf(Arbitraries.just("yesterday"), BadInputs.absent()))))
                        .map(body -> HttpCall.postJson(FEES + "/" + FEE_YEAR + "/payments", body)), 100)
                // someone who is no member of the club; a payment dated outside the fee year or the books
                .refuses("POST /api/clubs/{clubId}/fees/{year}/payments (not a member, dated outside the year)", 422,
                        BadInputs.withInvalidFields(Map.of("studentNumber", MEMBER.subject(), "paidOn", "2026-10-01"), Map.of(
                                "studentNumber", Arbitraries.of("a.b", "$x", "2099999999", "x y"),
                                "paidOn", Arbitraries.of("1999-01-01", "2999-01-01", "2018-12-15")))
                        .map(body -> HttpCall.postJson(FEES + "/" + FEE_YEAR + "/payments", body)), 25)
                .refuses("POST /api/clubs/{clubId}/fees/{year}/payments (no rule for the year)", 404, Arbitraries.of("2010-2011",
                        "2011-2012").map(y -> HttpCall.postJson(FEES + "/" + y + "/payments",
                        "{\"studentNumber\":\"" + MEMBER.subject() + "\",\"paidOn\":\"2026-10-01\"}")), 10)
                .refuses("POST /api/clubs/{clubId}/fees/{year}/payments/import (no file)", 400, Arbitraries.just(
                        HttpCall.post(FEES + "/" + FEE_YEAR + "/payments/import", "text/csv", "")), 3)
                // a file that is there but wrong (header, rows) is refused row by row (422)
                .refuses("POST /api/clubs/{clubId}/fees/{year}/payments/import (bad files)", 422, Arbitraries.oneOf(
                        Arbitraries.of("\n", "studentNumber,paidOn\nx,2026-10-01", "a,b,c\n1,2,3",
                                "studentNumber,amountFen,paidOn", "studentNumber,amountFen,paidOn\n\"unclosed,5000,2026-10-01"),
                        BadInputs.anyText(300).map(t -> "studentNumber,amountFen,paidOn\n" + t),
                        Arbitraries.of(",5000,2026-10-01", MEMBER.subject() + ",4999,2026-10-01", MEMBER.subject()
                                + ",5000,2999-01-01", MEMBER.subject() + ",5000,2018-12-10", "nobody,5000,2026-10-01",
                                MEMBER.subject() + ",5000,2026-10-01\n" + MEMBER.subject() + ",5000,2026-10-02",
                                MEMBER.subject() + ",50.00,2026-10-01", MEMBER.subject() + ",5000,2026-10-01,extra")
                                .map(rows -> "studentNumber,amountFen,paidOn\n" + rows))
                        .map(csv -> HttpCall.post(FEES + "/" + FEE_YEAR + "/payments/import", "text/csv", csv)), 110)
                .refuses("POST /api/clubs/{clubId}/fees/{year}/payments/import (too many rows)", 413, Arbitraries.just(
                        HttpCall.post(FEES + "/" + FEE_YEAR + "/payments/import", "text/csv", "studentNumber,amountFen,paidOn\n"
                                + (MEMBER.subject() + ",5000,2026-10-01\n").repeat(1001))), 2)
                .refuses("POST /api/clubs/{clubId}/fees/{year}/payments/import (wrong media type)", 415, Arbitraries.of(
                        "application/json", "text/plain").map(type -> HttpCall.post(FEES + "/" + FEE_YEAR + "/payments/import",
                        type, "studentNumber,amountFen,paidOn\n")), 10)
                .refuses("POST /api/sponsorships (bad bodies)", 400, Arbitraries.oneOf(BadInputs.brokenJson(validSponsorship()),
                        BadInputs.withInvalidFields(validSponsorship(), Map.of(
                                "sponsor", Arbitraries.oneOf(BadInputs.blankOrHuge(200), BadInputs.structurallyWrong()),
                                "agreement", BadInputs.blankOrHuge(200),
                                "purpose", BadInputs.blankOrHuge(500),
                                "clubId", Arbitraries.oneOf(Arbitraries.of("", "x".repeat(201)).map(v -> (Object) v),
                                        BadInputs.structurallyWrong()),
                                "promisedFen", Arbitraries.oneOf(Arbitraries.of(0, -1, 99.9, "100", 1_000_000_001L)
                                        .map(v -> (Object) v), BadInputs.absent()),
                                "signedOn", Arbitraries.oneOf(Arbitraries.of("x", 3).map(v -> (Object) v), BadInputs.absent()))))
                        .map(body -> HttpCall.postJson("/api/sponsorships", body)), 130)
                .refuses("POST /api/sponsorships (a club that does not exist, signed outside the books)", 422,
                        BadInputs.withInvalidFields(validSponsorship(), Map.of(
                                "clubId", Arbitraries.just("no-such-club"),
                                "signedOn", Arbitraries.of("2999-01-01", "1990-01-01")))
                        .map(body -> HttpCall.postJson("/api/sponsorships", body)), 20)
                .refuses("GET /api/sponsorships (paging)", 400, BadInputs.badPaging().map(q -> HttpCall.get("/api/sponsorships?" + q)), 50)
                .refusesIds("GET /api/sponsorships/{id}", ids -> ids.map(id -> HttpCall.get("/api/sponsorships/" + id)), 50)
                .refuses("POST /api/sponsorships/{id}/receipts (bad bodies)", 400, Arbitraries.oneOf(
                        BadInputs.brokenJson(Map.of("amountFen", 1)).map(body -> HttpCall.postJson("/api/sponsorships/"
                                + sponsorship + "/receipts", body)),
                        BadInputs.withInvalidFields(Map.of("amountFen", 1, "receivedOn", "2026-10-01"), Map.of(
                                "amountFen", Arbitraries.oneOf(Arbitraries.of(0, -1, 0.5, "1").map(v -> (Object) v), BadInputs.absent()),
                                "receivedOn", Arbitraries.oneOf(Arbitraries.of("x", 1).map(v -> (Object) v), BadInputs.absent()),
                                "note", BadInputs.structurallyWrong())).map(body -> HttpCall.postJson("/api/sponsorships/"
                                + sponsorship + "/receipts", body))), 130)
                .refuses("POST /api/sponsorships/{id}/receipts (received outside the books)", 422, Arbitraries.of("2999-01-01",
                                "1999-12-31").map(d -> HttpCall.postJson("/api/sponsorships/" + sponsorship + "/receipts",
                        "{\"amountFen\":1,\"receivedOn\":\"" + d + "\"}")), 10)
                .refuses("POST /api/sponsorships/{id}/receipts (beyond the promise)", 409, Arbitraries.of(1_000_001, 999_999_999)
                        .map(fen -> HttpCall.postJson("/api/sponsorships/" + sponsorship + "/receipts",
                                "{\"amountFen\":" + fen + ",\"receivedOn\":\"2026-10-01\"}")), 10)
                .refusesIds("POST /api/sponsorships/{id}/receipts", ids -> ids.map(id -> HttpCall.postJson("/api/sponsorships/" + id
                        + "/receipts", "{\"amountFen\":1,\"receivedOn\":\"2026-10-01\"}")), 40)
                .refuses("POST /api/sponsorships/{id}/receipts/{receiptId}/withdrawal (broken JSON)", 400,
                        BadInputs.brokenJson(Map.of("reason", "x")).map(body -> HttpCall.postJson("/api/sponsorships/" + sponsorship
                                + "/receipts/" + RECEIPT_TO_WITHDRAW.get(PRESIDIUM) + "/withdrawal", body)), 60)
                .refusesIds("POST /api/sponsorships/{id}/receipts/{receiptId}/withdrawal", ids -> ids.map(id -> HttpCall.postJson(
                        "/api/sponsorships/" + sponsorship + "/receipts/" + id + "/withdrawal", "{\"reason\":\"x\"}")), 40)
                .verify();
    }

    static Map<String, Object> validSponsorship() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sponsor", "某某奶茶店");
        body.put("agreement", "SP-2026-007");
        body.put("purpose", "prizes");
        body.put("clubId", OWN_CLUB);
        body.put("promisedFen", 20_000);
        body.put("signedOn", LocalDate.now().minusDays(3).toString());
        return body;
    }

    static Map<String, Object> validClaim() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amountFen", 700);
        body.put("category", "printing");
        body.put("description", "posters");
        body.put("payee", "校印刷厂");
        body.put("spentOn", LocalDate.now().minusDays(2).toString());
        body.put("receipt", Map.of("number", "No.20261101", "issuedOn", LocalDate.now().minusDays(2).toString(),
                "issuer", "校印刷厂"));
        return body;
    }

    /** Lines no transaction accepts: unbalanced, empty, zero, negative, fractional or textual amounts, unknown accounts. */
    /** Lines a posting request cannot hold (400): fewer than two, amounts not positive whole fen, sides not debit/credit, ids too long. */
    static Arbitrary<Object> malformedLines() {
        return Arbitraries.oneOf(
                Arbitraries.just(List.of()),
                Arbitraries.just(List.of(Map.of("accountId", "federation-general", "side", "debit", "amountFen", 1))),
                Arbitraries.longs().between(-1000, 0).map(a -> (Object) List.of(
                        Map.of("accountId", "federation-general", "side", "debit", "amountFen", a),
                        Map.of("accountId", "federation-income-other", "side", "credit", "amountFen", a))),
                Arbitraries.of(12.5, 0.01, 1e3, "100", true).map(a -> (Object) List.of(
                        Map.of("accountId", "federation-general", "side", "debit", "amountFen", a),
                        Map.of("accountId", "federation-income-other", "side", "credit", "amountFen", a))),
                BadInputs.overlongIds().map(id -> (Object) List.of(
                        Map.of("accountId", id, "side", "debit", "amountFen", 5),
                        Map.of("accountId", "federation-income-other", "side", "credit", "amountFen", 5))),
                Arbitraries.of("DEBIT", "left", "", "both").map(side -> (Object) List.of(
                        Map.of("accountId", "federation-general", "side", side, "amountFen", 5),
                        Map.of("accountId", "federation-income-other", "side", "credit", "amountFen", 5))),
                BadInputs.structurallyWrong());
    }

    /** Well-formed lines the ledger's rules refuse (422): unbalanced, an account that does not exist, one account on both sides, too much. */
    static Arbitrary<Object> ruleBreakingLines() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(2, 1_000_000).map(a -> (Object) List.of(
                        Map.of("accountId", "federation-general", "side", "debit", "amountFen", a),
                        Map.of("accountId", "federation-income-other", "side", "credit", "amountFen", a - 1))),
                // at most 200 characters, the longest account id a line may name
                BadInputs.unknownIds().filter(id -> id.length() <= 200).map(id -> (Object) List.of(
                        Map.of("accountId", id, "side", "debit", "amountFen", 5),
                        Map.of("accountId", "federation-income-other", "side", "credit", "amountFen", 5))),
                Arbitraries.just(List.of(Map.of("accountId", "federation-general", "side", "debit", "amountFen", 5),
                        Map.of("accountId", "federation-general", "side", "credit", "amountFen", 5))),
                Arbitraries.just(List.of(Map.of("accountId", "federation-general", "side", "debit", "amountFen",
                        Transaction.MAX_AMOUNT_FEN + 1), Map.of("accountId", "federation-income-other", "side", "credit",
                        "amountFen", Transaction.MAX_AMOUNT_FEN + 1))));
    }
}
