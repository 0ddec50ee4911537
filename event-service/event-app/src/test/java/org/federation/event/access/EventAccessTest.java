package org.federation.event.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.AuthorizationMatrix.Expect.everyone;
import static org.federation.platform.testing.AuthorizationMatrix.Expect.only;
import static org.federation.platform.testing.BadInputs.absent;
import static org.federation.platform.testing.BadInputs.blankOrHuge;
import static org.federation.platform.testing.BadInputs.structurallyWrong;
import static org.federation.platform.testing.Persona.ORGANIZATION_HEAD;
import static org.federation.platform.testing.Persona.ORGANIZATION_MEMBER;
import static org.federation.platform.testing.Persona.PRESIDIUM;
import static org.federation.platform.testing.Persona.LEADER;
import static org.federation.platform.testing.Persona.MEMBER;
import static org.federation.platform.testing.Persona.OTHER_LEADER;
import static org.federation.platform.testing.Persona.presidiumLiaisonAnd;
import static org.federation.platform.testing.Persona.EVALUATION_MEMBER;
import static org.federation.platform.testing.Persona.FINANCE_MEMBER;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.platform.testing.AuthorizationMatrix;
import org.federation.platform.testing.BadInputCampaign;
import org.federation.platform.testing.BadInputs;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RefusesBadTokens;
import org.federation.platform.testing.StoredData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may read what in event-service, which tokens it refuses, and what generated bad input
 * gets. Club rights come from event-service's own directory: the leader and member here are
 * made so by a {@code club.established} event, never by their tokens.
 */
@EventServiceTest
class EventAccessTest extends EmbeddedBackboneProperties implements RefusesBadTokens {

    static final String OWN_CLUB = "club-own-" + UUID.randomUUID();
    static final String OTHER_CLUB = "club-other-" + UUID.randomUUID();

    @Autowired
    ClubDirectory directory;

    @Autowired
    org.federation.event.activities.domain.Activities activities;

    @BeforeEach
    void clubs() {
        ClubFacts.ensureOwnAndOtherClubWithLiaisons(OWN_CLUB, OTHER_CLUB, id -> directory.find(id).isPresent());
    }

    @Override
    public HttpCall protectedCall() {
        return HttpCall.get("/api/clubs");
    }

    static final AtomicLong HOUR = new AtomicLong();

    /** A proposal body for the own club (or a joint one with the other club), on a fresh hour in a fresh venue. */
    static String proposal(boolean joint) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(60, ChronoUnit.DAYS).plus(HOUR.incrementAndGet(), ChronoUnit.HOURS);
        String clubs = joint ? "\"" + OWN_CLUB + "\",\"" + OTHER_CLUB + "\"" : "\"" + OWN_CLUB + "\"";
        return """
                {"title":"Matrix night","kind":"lecture","start":"%s","end":"%s","venue":"Room %s","audience":"public",
                 "expectedSize":30,"clubs":[%s]}""".formatted(start, start.plus(1, ChronoUnit.HOURS), UUID.randomUUID(), clubs);
    }

    /** A fresh proposal by the own club's leader; joint ones await the other club's confirmation. */
    String proposed(boolean joint) {
        HttpProbe.Response created = LEADER.on(app()).postJson("/api/activities", proposal(joint));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    String approved() {
        String id = proposed(false);
        assertThat(ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + id + "/approval", "").status()).isEqualTo(200);
        return id;
    }

    @Test
    void everyEndpointAnswersEachPersonaExactlyAsTheRulesSay() throws Exception {
        String published = approved();
        String pending = proposed(false);
        String open = approved();
        Persona[] signedIn = java.util.Arrays.stream(Persona.values()).filter(p -> p != Persona.ANONYMOUS).toArray(Persona[]::new);
        Persona[] scanners = {PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER};
        com.nimbusds.jose.jwk.ECKey key = org.federation.event.checkin.CheckInTest.publishedKey(mongo);
        String door = "/api/activities/" + open;
        String ended = org.federation.event.report.SummaryReportTest.endedActivity(activities, directory);
        String budgeted = proposed(false);
        String items = "{\"items\":[{\"description\":\"posters\",\"amountFen\":5000}]}";
        assertThat(LEADER.on(app()).postJson("/api/activities/" + budgeted + "/budget-request", items).status()).isEqualTo(201);
        org.federation.event.training.TrainingClassAccess.rows(new AuthorizationMatrix(), app(), OWN_CLUB)
                .row("POST /api/activities/{id}/budget-request",
                        p -> HttpCall.postJson("/api/activities/" + proposed(false) + "/budget-request", items), only(201, LEADER))
                .row("GET /api/activities/{id}/budget-request", HttpCall.get("/api/activities/" + budgeted + "/budget-request"),
                        only(200, presidiumLiaisonAnd(FINANCE_MEMBER, LEADER)))
                .row("PUT /api/activities/{id}/report", new HttpCall("PUT", "/api/activities/" + ended + "/report",
                        "application/json", "{\"summary\":\"went well\",\"links\":[]}"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER))
                .row("GET /api/activities/{id}/report", HttpCall.get("/api/activities/" + ended + "/report"),
                        only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, EVALUATION_MEMBER, LEADER, MEMBER)))
                .row("POST /api/activities/{id}/check-ins/credential", p -> {
                    try {
                        return HttpCall.postJson(door + "/check-ins/credential", "{\"credential\":\""
                                + org.federation.event.checkin.CheckInTest.credential(key, "2096" + (100 + p.ordinal()), OWN_CLUB,
                                Instant.now().minusSeconds(60)) + "\"}");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, only(201, scanners))
                .row("POST /api/activities/{id}/check-ins/code", p -> HttpCall.postJson(door + "/check-ins/code",
                        "{\"code\":\"" + LEADER.on(app()).get(door + "/check-in-code").json().get("code").asString() + "\"}"),
                        only(201, signedIn))
                .row("POST /api/activities/{id}/check-ins/walk-in", p -> HttpCall.postJson(door + "/check-ins/walk-in",
                        "{\"studentNumber\":\"2095" + (100 + p.ordinal()) + "\"}"), only(201, scanners))
                .row("GET /api/activities/{id}/check-in-code", HttpCall.get(door + "/check-in-code"), only(200, scanners))
                .row("GET /api/activities/{id}/attendance", HttpCall.get(door + "/attendance"), only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, EVALUATION_MEMBER, LEADER)))
                .row("POST /api/activities/{id}/attendance/publication", HttpCall.postJson(door + "/attendance/publication", ""),
                        only(200, scanners))
                .row("POST /api/activities/{id}/registration",
                        HttpCall.postJson("/api/activities/" + open + "/registration", ""), only(201, signedIn))
                .row("DELETE /api/activities/{id}/registration", p -> {
                    if (p != Persona.ANONYMOUS) {
                        assertThat(p.on(app()).postJson("/api/activities/" + published + "/registration", "").status()).isIn(200, 201);
                    }
                    return new HttpCall("DELETE", "/api/activities/" + published + "/registration", null, null);
                }, only(200, signedIn))
                .row("GET /api/activities/{id}/registrations", HttpCall.get("/api/activities/" + open + "/registrations"),
                        only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, EVALUATION_MEMBER, LEADER)))
                .row("GET /api/clubs", HttpCall.get("/api/clubs"), only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/clubs/{id}", HttpCall.get("/api/clubs/" + OWN_CLUB), only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER, MEMBER)))
                .row("POST /api/activities", p -> HttpCall.postJson("/api/activities", proposal(false)), only(201, LEADER))
                .row("GET /api/activities", HttpCall.get("/api/activities?state=proposed"), only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, EVALUATION_MEMBER))
                .row("GET /api/activities/{id}", HttpCall.get("/api/activities/" + pending), only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, EVALUATION_MEMBER, LEADER, MEMBER)))
                .row("POST /api/activities/{id}/confirmation",
                        p -> HttpCall.postJson("/api/activities/" + proposed(true) + "/confirmation", ""),
                        only(200, OTHER_LEADER).but(LEADER, 409)) // the proposer's club has confirmed already
                .row("POST /api/activities/{id}/approval",
                        p -> HttpCall.postJson("/api/activities/" + proposed(false) + "/approval", ""),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/activities/{id}/return",
                        p -> HttpCall.postJson("/api/activities/" + proposed(false) + "/return", "{\"reasons\":[\"no budget\"]}"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/activities/{id}/resubmission", p -> {
                            String id = proposed(false);
                            assertThat(ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + id + "/return",
                                    "{\"reasons\":[\"no budget\"]}").status()).isEqualTo(200);
                            return HttpCall.postJson("/api/activities/" + id + "/resubmission", "{\"description\":\"budget added\"}");
                        }, only(200, LEADER))
                .row("POST /api/activities/{id}/reschedule", p -> {
                            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(90, ChronoUnit.DAYS)
                                    .plus(HOUR.incrementAndGet(), ChronoUnit.HOURS);
                            return HttpCall.postJson("/api/activities/" + approved() + "/reschedule",
                                    "{\"start\":\"%s\",\"end\":\"%s\",\"venue\":\"Room %s\"}".formatted(start,
                                            start.plus(1, ChronoUnit.HOURS), UUID.randomUUID()));
                        }, only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER))
                .row("POST /api/activities/{id}/cancellation",
                        p -> HttpCall.postJson("/api/activities/" + approved() + "/cancellation", "{\"reason\":\"rain\"}"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER))
                .row("GET /api/calendar", HttpCall.get("/api/calendar?club=" + OWN_CLUB), everyone(200))
                .row("GET /api/calendar/feed", HttpCall.get("/api/calendar/feed?category=sports"), everyone(200))
                .row("GET /api/calendar/{id}", HttpCall.get("/api/calendar/" + published), everyone(200))
                .withPlatformEndpoints()
                .verify(mappings, app());
    }

    @Test
    void aHandoverTakesEffectAsSoonAsItsEventArrives() {
        String club = "club-handover-" + UUID.randomUUID();
        ClubFacts.publishEstablished(club, "Handover club " + club, LEADER.subject(), List.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(club).isPresent());
        assertThat(LEADER.on(app()).get("/api/clubs/" + club).status()).isEqualTo(200);
        assertThat(OTHER_LEADER.on(app()).get("/api/clubs/" + club).status()).isEqualTo(403);

        ClubFacts.publish(ClubFacts.laterSnapshot(club, "Handover club " + club, OTHER_LEADER.subject(), List.of(), 2));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(club).orElseThrow().sequence() == 2);
        assertThat(LEADER.on(app()).get("/api/clubs/" + club).status()).as("the former leader").isEqualTo(403);
        assertThat(OTHER_LEADER.on(app()).get("/api/clubs/" + club).status()).as("the new leader").isEqualTo(200);
    }

    static String jsonOf(String field, String value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(Map.of(field, value));
    }

    static Map<String, Object> validProgramme() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Club Cup");
        body.put("kind", "club-cup");
        body.put("start", "2099-05-01T08:00:00Z");
        body.put("end", "2099-05-01T18:00:00Z");
        body.put("venue", "Stadium");
        body.put("audience", "public");
        body.put("expectedSize", 500);
        body.put("department", "organization");
        return body;
    }

    static Map<String, Arbitrary<Object>> invalidProgramme() {
        Map<String, Arbitrary<Object>> invalid = new LinkedHashMap<>();
        invalid.put("title", Arbitraries.oneOf(blankOrHuge(120), structurallyWrong(), absent()));
        invalid.put("kind", Arbitraries.oneOf(Arbitraries.of("Club Cup", "", "x", "-cup", "杯"), structurallyWrong(), absent()));
        invalid.put("start", Arbitraries.oneOf(Arbitraries.of("tomorrow", "2099-13-01T00:00:00Z", ""), BadInputs.notADate(),
                structurallyWrong(), absent()));
        invalid.put("end", Arbitraries.oneOf(Arbitraries.of("later", "2099-05-01"), BadInputs.notADate(), structurallyWrong(), absent()));
        invalid.put("venue", Arbitraries.oneOf(blankOrHuge(120), structurallyWrong(), absent()));
        invalid.put("audience", Arbitraries.oneOf(Arbitraries.of("everyone", "PUBLIC", ""), structurallyWrong(), absent()));
        invalid.put("expectedSize", Arbitraries.oneOf(Arbitraries.of(0, -5, 100_001, "many"), structurallyWrong(), absent()));
        // (a programme without its department names no organiser at all: that is the rule's 422, not a 400)
        invalid.put("department", Arbitraries.oneOf(Arbitraries.of("sports", "Organization", ""), structurallyWrong()));
        invalid.put("clubs", Arbitraries.oneOf(Arbitraries.just(List.of("")), Arbitraries.just(List.of("bad id!")),
                Arbitraries.just("not a list")));
        return invalid;
    }

    /** Well-formed programmes against the rules (422): starting in the past or after their end, lasting too long, clubs there are not. */
    static Map<String, Arbitrary<Object>> ruleBreakingProgramme() {
        return Map.of(
                "start", Arbitraries.of("2001-01-01T00:00:00Z", "2099-05-01T19:00:00Z"),
                "end", Arbitraries.of("2099-04-30T00:00:00Z", "2099-07-01T00:00:00Z"),
                "clubs", Arbitraries.just(List.of("no-such-club")));
    }

    @Test
    void activityEndpointsSurviveGeneratedBadInputWithAPreciseProblemAndNoChange() {
        String pending = proposed(false);
        String published = approved();
        String returned = proposed(false);
        assertThat(ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + returned + "/return",
                "{\"reasons\":[\"r\"]}").status()).isEqualTo(200);
        Arbitrary<HttpCall> proposals = BadInputs.withInvalidFields(validProgramme(), invalidProgramme())
                .map(body -> HttpCall.postJson("/api/activities", body));
        Arbitrary<HttpCall> broken = BadInputs.brokenJson(validProgramme()).map(body -> HttpCall.postJson("/api/activities", body));
        java.util.function.Function<Arbitrary<String>, Arbitrary<HttpCall>> unknown = ids -> Arbitraries.of("approval", "return",
                        "reschedule", "cancellation", "confirmation", "resubmission")
                .flatMap(step -> ids.map(id -> HttpCall.postJson("/api/activities/" + id + "/" + step,
                        step.equals("return") ? "{\"reasons\":[\"r\"]}" : step.equals("cancellation") ? "{\"reason\":\"r\"}"
                                : step.equals("reschedule") ? "{\"start\":\"2099-01-01T00:00:00Z\",\"end\":\"2099-01-01T01:00:00Z\",\"venue\":\"v\"}" : "")));
        Arbitrary<HttpCall> wrongState = Arbitraries.oneOf(
                Arbitraries.just(HttpCall.postJson("/api/activities/" + published + "/approval", "")),
                Arbitraries.just(HttpCall.postJson("/api/activities/" + published + "/return", "{\"reasons\":[\"late\"]}")),
                Arbitraries.just(HttpCall.postJson("/api/activities/" + pending + "/confirmation", "")),
                Arbitraries.just(HttpCall.postJson("/api/activities/" + pending + "/resubmission", "{}")),
                Arbitraries.just(HttpCall.postJson("/api/activities/" + published + "/resubmission", "")),
                Arbitraries.just(HttpCall.postJson("/api/activities/" + pending + "/reschedule",
                        "{\"start\":\"2099-01-01T00:00:00Z\",\"end\":\"2099-01-01T01:00:00Z\",\"venue\":\"v\"}")));
        Arbitrary<HttpCall> badBodies = Arbitraries.oneOf(
                BadInputs.withInvalidFields(Map.of("reasons", List.of("r")), Map.of("reasons", Arbitraries.oneOf(
                        Arbitraries.just(List.of()), Arbitraries.just(List.of(" ")), Arbitraries.just(Map.of("a", 1)), absent())))
                        .map(body -> HttpCall.postJson("/api/activities/" + pending + "/return", body)),
                BadInputs.withInvalidFields(Map.of("reason", "r"), Map.of("reason", Arbitraries.oneOf(blankOrHuge(1000),
                        structurallyWrong(), absent())))
                        .map(body -> HttpCall.postJson("/api/activities/" + published + "/cancellation", body)),
                BadInputs.withInvalidFields(Map.of("start", "2099-01-01T00:00:00Z", "end", "2099-01-01T01:00:00Z", "venue", "v"),
                        Map.of("start", Arbitraries.oneOf(Arbitraries.just("x"), BadInputs.notADate(), absent()),
                                "venue", Arbitraries.oneOf(blankOrHuge(120), structurallyWrong(), absent())))
                        .map(body -> HttpCall.postJson("/api/activities/" + published + "/reschedule", body)),
                BadInputs.withInvalidFields(Map.of("title", "t"), Map.of(
                                "title", Arbitraries.<Object>of("", "  ", "x".repeat(121), List.of("t"), Map.of("a", 1)),
                                "audience", Arbitraries.of("everyone", "", List.of("public")),
                                "start", Arbitraries.of("tomorrow", "2099-13-01T00:00:00Z"),
                                "expectedSize", Arbitraries.of(0, 100_001, "many"),
                                "capacity", Arbitraries.of(0, -1, "all")))
                        .map(body -> HttpCall.postJson("/api/activities/" + returned + "/resubmission", body)),
                Arbitraries.of("{\"clubId\":\"bad id!\"}", "{\"clubId\":[1]}", "[]")
                        .map(body -> HttpCall.postJson("/api/activities/" + pending + "/confirmation", body)));
        // well formed, against the rules: a new time in the past or after its end, a club there is not
        Arbitrary<HttpCall> ruleBreakingBodies = Arbitraries.oneOf(
                Arbitraries.of("2001-01-01T00:00:00Z", "2099-01-01T02:00:00Z").map(start -> HttpCall.postJson("/api/activities/"
                        + published + "/reschedule", "{\"start\":\"" + start + "\",\"end\":\"2099-01-01T01:00:00Z\",\"venue\":\"v\"}")),
                Arbitraries.just(HttpCall.postJson("/api/activities/" + pending + "/confirmation", "{\"clubId\":\"no-such-club\"}")));
        Arbitrary<HttpCall> calendarQueries = Arbitraries.oneOf(
                Arbitraries.of("club=bad%20id!", "category=cooking", "category=Sports", "from=2026-13-01", "from=yesterday",
                        "to=01/02/2026").flatMap(q -> Arbitraries.of(
                        HttpCall.get("/api/calendar?" + q), HttpCall.get("/api/calendar/feed?" + q))),
                Arbitraries.of("alive", "PROPOSED").map(s -> HttpCall.get("/api/activities?state=" + s)));
        Arbitrary<HttpCall> paging = BadInputs.badPaging().flatMap(q -> Arbitraries.of(HttpCall.get("/api/calendar?" + q),
                HttpCall.get("/api/activities?" + q)));
        new BadInputCampaign(Persona.PRESIDIUM.on(app()), () -> StoredData.of(mongo))
                .refuses("POST /api/activities (invalid fields)", 400, proposals, 260)
                .refuses("POST /api/activities (dates and clubs against the rules)", 422, BadInputs.withInvalidFields(validProgramme(),
                        ruleBreakingProgramme()).map(body -> HttpCall.postJson("/api/activities", body)), 40)
                .refuses("POST /api/activities (broken JSON)", 400, broken, 100)
                .refusesIds("POST /api/activities/{id}/...", unknown, 150)
                .refuses("commands in the wrong state", 409, wrongState, 20)
                .refuses("commands with bad bodies", 400, badBodies, 190)
                .refuses("commands with bodies against the rules", 422, ruleBreakingBodies, 10)
                .refuses("calendar and list queries", 400, calendarQueries, 140)
                .refuses("GET /api/calendar[/feed] (from after to)", 422, Arbitraries.of(
                        HttpCall.get("/api/calendar?from=2026-06-02&to=2026-06-01"),
                        HttpCall.get("/api/calendar/feed?from=2026-06-02&to=2026-06-01")), 4)
                .refuses("GET /api/calendar, GET /api/activities (paging)", 400, paging, 150)
                .refusesIds("registration", ids -> Arbitraries.oneOf(
                        ids.map(id -> HttpCall.postJson("/api/activities/" + id + "/registration", "")),
                        ids.map(id -> new HttpCall("DELETE", "/api/activities/" + id + "/registration", null, null)),
                        ids.map(id -> HttpCall.get("/api/activities/" + id + "/registrations"))), 100)
                .refuses("POST /api/activities/{id}/registration (not yet approved)", 409, Arbitraries.just(
                        HttpCall.postJson("/api/activities/" + pending + "/registration", "")), 3)
                .refuses("DELETE /api/activities/{id}/registration (not registered)", 404, Arbitraries.just(
                        new HttpCall("DELETE", "/api/activities/" + published + "/registration", null, null)), 3)
                .refuses("GET /api/activities/{id}/registrations (bad status filters)", 400, Arbitraries.of("alive", "REGISTERED",
                        "waiting").map(st -> HttpCall.get("/api/activities/" + published + "/registrations?status=" + st)), 15)
                .refuses("GET /api/activities/{id}/registrations (paging)", 400, BadInputs.badPaging()
                        .map(q -> HttpCall.get("/api/activities/" + published + "/registrations?" + q)), 60)
                .refuses("check-in (credentials that are no credential)", 422, Arbitraries.oneOf(
                        Arbitraries.of("a.b.c", "not a credential", "eyJhbGciOiJub25lIn0.e30."),
                        BadInputs.anyText(300).filter(t -> !t.isBlank()))
                        .map(c -> HttpCall.postJson("/api/activities/" + published + "/check-ins/credential", jsonOf("credential", c))), 60)
                .refuses("check-in (malformed codes, numbers and bodies)", 400, Arbitraries.oneOf(
                        Arbitraries.of("12345", "1234567", "abcdef", "", " 123456").map(c -> HttpCall.postJson("/api/activities/"
                                + published + "/check-ins/code", jsonOf("code", c))),
                        Arbitraries.of("", "bad number!", "x".repeat(41)).map(n -> HttpCall.postJson("/api/activities/"
                                + published + "/check-ins/walk-in", jsonOf("studentNumber", n))),
                        Arbitraries.of("{}", "[]", "{\"credential\":[1]}", "{\"credential\":{}}").map(b -> HttpCall.postJson(
                                "/api/activities/" + published + "/check-ins/credential", b))), 60)
                .refusesIds("check-in", ids -> Arbitraries.oneOf(
                        ids.map(id -> HttpCall.postJson("/api/activities/" + id + "/check-ins/walk-in", "{\"studentNumber\":\"2095000001\"}")),
                        ids.map(id -> HttpCall.get("/api/activities/" + id + "/check-in-code")),
                        ids.map(id -> HttpCall.get("/api/activities/" + id + "/attendance")),
                        ids.map(id -> HttpCall.postJson("/api/activities/" + id + "/attendance/publication", ""))), 60)
                .refuses("check-in (activity not approved)", 409, Arbitraries.of(
                        HttpCall.postJson("/api/activities/" + pending + "/check-ins/walk-in", "{\"studentNumber\":\"2095000001\"}"),
                        HttpCall.postJson("/api/activities/" + pending + "/attendance/publication", "")), 10)
                .refuses("PUT /api/activities/{id}/report (invalid fields)", 400,
                        BadInputs.withInvalidFields(Map.of("summary", "s", "links", List.of()), Map.of(
                                "summary", Arbitraries.oneOf(blankOrHuge(20_000), structurallyWrong(), absent()),
                                "links", Arbitraries.oneOf(Arbitraries.just(List.of("not a link")), Arbitraries.just(List.of("")),
                                        Arbitraries.just("https://x.example"), Arbitraries.just(Map.of("a", 1)), absent())))
                                .map(b -> new HttpCall("PUT", "/api/activities/" + published + "/report", "application/json", b)), 100)
                .refusesIds("PUT|GET /api/activities/{id}/report", ids -> Arbitraries.oneOf(
                        ids.map(id -> new HttpCall("PUT", "/api/activities/" + id + "/report", "application/json",
                                "{\"summary\":\"s\",\"links\":[]}")),
                        ids.map(id -> HttpCall.get("/api/activities/" + id + "/report"))), 30)
                .refuses("GET /api/activities/{id}/report (none written yet)", 404, Arbitraries.just(
                        HttpCall.get("/api/activities/" + published + "/report")), 3)
                .refuses("PUT /api/activities/{id}/report (activity not over)", 409, Arbitraries.just(new HttpCall("PUT",
                        "/api/activities/" + published + "/report", "application/json", "{\"summary\":\"s\",\"links\":[]}")), 3)
                .refuses("POST /api/activities/{id}/budget-request (bad items)", 400,
                        Arbitraries.of("{\"items\":[]}", "{\"items\":[{\"description\":\"\",\"amountFen\":1}]}",
                                "{\"items\":[{\"description\":\"x\",\"amountFen\":0}]}",
                                "{\"items\":[{\"description\":\"x\",\"amountFen\":-5}]}",
                                "{\"items\":[{\"description\":\"x\",\"amountFen\":\"many\"}]}",
                                "{\"items\":[{\"description\":\"x\"}]}", "{\"items\":[null]}", "{\"items\":\"x\"}", "{}", "[]")
                                .map(b -> HttpCall.postJson("/api/activities/" + pending + "/budget-request", b)), 55)
                .refuses("POST /api/activities/{id}/budget-request (more than a budget may ask)", 422, Arbitraries.just(
                        HttpCall.postJson("/api/activities/" + pending + "/budget-request",
                                "{\"items\":[{\"description\":\"x\",\"amountFen\":99999999999999}]}")), 3)
                .refusesIds("POST|GET /api/activities/{id}/budget-request", ids -> Arbitraries.oneOf(
                        ids.map(id -> HttpCall.postJson("/api/activities/" + id + "/budget-request",
                                "{\"items\":[{\"description\":\"x\",\"amountFen\":1}]}")),
                        ids.map(id -> HttpCall.get("/api/activities/" + id + "/budget-request"))), 40)
                .refuses("GET /api/activities/{id}/budget-request (none requested)", 404, Arbitraries.just(
                        HttpCall.get("/api/activities/" + pending + "/budget-request")), 3)
                .refuses("POST /api/activities/{id}/budget-request (activity already approved)", 409, Arbitraries.just(
                        HttpCall.postJson("/api/activities/" + published + "/budget-request",
                                "{\"items\":[{\"description\":\"x\",\"amountFen\":1}]}")), 3)
                .refusesIds("GET /api/activities/{id}", ids -> ids.map(id -> HttpCall.get("/api/activities/" + id)), 80)
                .refusesIds("GET /api/calendar/{id}", ids -> ids.map(id -> HttpCall.get("/api/calendar/" + id)), 80)
                .refuses("unsupported methods on /api/calendar", 405, BadInputs.unsupportedMethods("/api/calendar"), 40)
                .verify();
    }

    @Test
    void everyEndpointSurvivesGeneratedBadInputWithAPreciseProblemAndNoChange() {
        new BadInputCampaign(Persona.PRESIDIUM.on(app()), () -> StoredData.of(mongo))
                .refuses("GET /api/clubs (paging)", 400, BadInputs.badPaging().map(q -> HttpCall.get("/api/clubs?" + q)), 350)
                .refusesIds("GET /api/clubs/{id}", ids -> ids.map(id -> HttpCall.get("/api/clubs/" + id)), 350)
                .refuses("unsupported methods on /api/clubs", 405, BadInputs.unsupportedMethods("/api/clubs"), 150)
                .refuses("unsupported methods on /api/clubs/{id}", 405, BadInputs.unsupportedMethods("/api/clubs/" + OWN_CLUB), 100)
                .refuses("unknown paths", 404, BadInputs.unknownPaths(), 100)
                .verify();
    }
}
