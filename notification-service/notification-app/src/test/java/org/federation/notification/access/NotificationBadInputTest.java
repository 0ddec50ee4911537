package org.federation.notification.access;

import static org.federation.platform.testing.Persona.PRESIDIUM;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.Fixtures;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.directory.infrastructure.ClubDirectory;
import org.federation.platform.testing.BadInputCampaign;
import org.federation.platform.testing.BadInputs;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.StoredData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generated malformed and boundary requests at every endpoint: a precise 4xx problem, never a 5xx, nothing stored changes. */
@NotificationServiceTest
class NotificationBadInputTest extends EmbeddedBackboneProperties {

    @Autowired
    ClubDirectory clubs;

    @BeforeEach
    void quiet() {
        Fixtures.ensureClubs(id -> clubs.find(id).isPresent());
        Fixtures.signInEveryone(app());
        // deliveries and fan-outs other tests started move on by themselves: wait until they are done
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                !mongo.exists(Query.query(Criteria.where("status").is("pending")), "deliveries")
                        && !mongo.exists(Query.query(Criteria.where("state").is("sending")), "direct-notices"));
    }

    static Arbitrary<String> badRecipients() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "organization", "department:", ":x", "Department:organization", "person:a b",
                        "person:中文", "department:organization:extra", "club:acmore", "department:Finance", "person:"),
                BadInputs.anyText(60).filter(s -> !s.matches("person:[A-Za-z0-9_.-]+|department:[a-z-]+")));
    }

    static Arbitrary<HttpCall> put(String path, Arbitrary<String> bodies) {
        return bodies.map(body -> new HttpCall("PUT", path, "application/json", body));
    }

    @Test
    void everyEndpointSurvivesGeneratedBadInputWithAPreciseProblemAndNoChange() {
        Map<String, Object> subscription = Map.of("kinds", List.of("club-established"), "ownClubs", true);
        Map<String, Object> contact = Map.of("email", "a@example.edu", "emailEnabled", true, "webhooks", List.of());
        Map<String, Object> notice = new LinkedHashMap<>(Map.of("department", "organization", "title", "Conference",
                "body", "Friday", "audience", "clubs", "clubIds", List.of(Fixtures.OWN_CLUB)));
        // addresses a webhook may not have (not http(s), internal, not absolute): the platform's rule (422)
        Arbitrary<Object> forbiddenUrls = Arbitraries.oneOf(Arbitraries.just(List.of("ftp://example.edu/x")),
                Arbitraries.of(List.of("http://169.254.169.254/latest/meta-data/"), List.of("http://10.0.0.1/h"),
                        List.of("http://[::1]/h"), List.of("http://localhost/h"), List.of("gopher://example.edu/h")),
                Arbitraries.just(List.of("not a url")), Arbitraries.just(List.of("/relative")),
                Arbitraries.just(List.of("http://")), Arbitraries.just(List.of("an", "array")));
        Arbitrary<Object> badUrls = Arbitraries.oneOf(Arbitraries.just(java.util.Collections.nCopies(6, "http://example.edu/h")),
                Arbitraries.just(List.of("http://example.edu/" + "x".repeat(600))), Arbitraries.just(List.of("")),
                BadInputs.structurallyWrong().filter(v -> !(v instanceof List<?>)), Arbitraries.just(null),
                BadInputs.absent());
        String feedback = PRESIDIUM.on(app()).postJson("/api/feedback",
                "{\"kind\":\"suggestion\",\"subject\":\"s\",\"text\":\"t\"}").json().at("/feedback/id").asString();
        String direct = Fixtures.sendAndAwait(PRESIDIUM.on(app()), """
                {"department":"organization","title":"t","body":"b","audience":"clubs","clubIds":["%s"]}"""
                .formatted(Fixtures.OWN_CLUB)).get("id").asString();
        quiet();
        new BadInputCampaign(PRESIDIUM.on(app()), () -> StoredData.of(mongo))
                .refuses("GET /api/inbox (bad recipients)", 400, badRecipients()
                        .map(r -> HttpCall.get("/api/inbox?recipient=" + BadInputs.encode(r))), 300)
                .refuses("GET /api/inbox (no recipient)", 400, Arbitraries.just(HttpCall.get("/api/inbox")), 5)
                .refuses("GET /api/inbox (bad kinds)", 400, BadInputs.anyText(80).filter(k -> !k.matches("[a-z-]{1,60}"))
                        .map(k -> HttpCall.get("/api/inbox?recipient=department:organization&kind=" + BadInputs.encode(k))), 100)
                .refuses("GET /api/inbox (paging)", 400, BadInputs.badPaging()
                        .map(q -> HttpCall.get("/api/inbox?recipient=department:organization&" + q)), 200)
                .refuses("GET /api/inbox/unread-count (bad recipients)", 400, badRecipients()
                        .map(r -> HttpCall.get("/api/inbox/unread-count?recipient=" + BadInputs.encode(r))), 100)
                .refuses("GET /api/inbox/stream (bad recipients or timeouts)", 400, Arbitraries.oneOf(
                        badRecipients().map(r -> HttpCall.get("/api/inbox/stream?recipient=" + BadInputs.encode(r))),
                        Arbitraries.of("0", "99", "-1", "3600001", "x", "1e3", "%00").map(t ->
                                HttpCall.get("/api/inbox/stream?recipient=department:organization&timeoutMs=" + t))), 100)
                .refusesIds("POST /api/inbox/{noticeId}/read", ids -> ids.map(id -> HttpCall.post("/api/inbox/" + id + "/read", null, null)), 100,
                        400)
                .refusesIds("POST /api/inbox/{noticeId}/acknowledgement", ids -> ids.map(id -> HttpCall.post("/api/inbox/" + id + "/acknowledgement", null, null)), 100,
                        400)
                .refusesIds("GET /api/inbox/{noticeId}/deliveries", ids -> ids.map(id -> HttpCall.get("/api/inbox/" + id + "/deliveries")), 50,
                        400)
                .refuses("GET /api/subscriptions/{subscriber} (bad)", 400, badRecipients()
                        .filter(r -> !r.isBlank() && !r.contains("/") && !r.contains("\\"))
                        .map(r -> HttpCall.get("/api/subscriptions/" + BadInputs.encode(r))), 90)
                .refuses("GET /api/subscriptions/{subscriber} (no such department)", 404, Arbitraries.just(
                        HttpCall.get("/api/subscriptions/" + BadInputs.encode("department:no-such-department"))), 5)
                .refuses("PUT /api/subscriptions/{subscriber} (broken JSON)", 400,
                        put("/api/subscriptions/department:finance", BadInputs.brokenJson(subscription)), 100)
                .refuses("PUT /api/subscriptions/{subscriber} (kinds there are not)", 422, put("/api/subscriptions/department:finance",
                        Arbitraries.of("{\"kinds\":[\"no-such-kind\"],\"ownClubs\":true}", "{\"kinds\":[\"an\",\"array\"],\"ownClubs\":true}",
                                "{\"kinds\":[\"club-established\",\"no-such-kind\"],\"ownClubs\":false}")), 5)
                .refuses("PUT /api/subscriptions/{subscriber} (invalid fields)", 400, put("/api/subscriptions/department:finance",
                        BadInputs.withInvalidFields(subscription, Map.of(
                                "kinds", Arbitraries.oneOf(Arbitraries.just(java.util.Collections.nCopies(61, "club-established")),
                                        // a list of texts names kinds there are not (422); other shapes are malformed
                                        Arbitraries.just(List.of("")), BadInputs.structurallyWrong()
                                                .filter(v -> !(v instanceof List<?>)),
                                        Arbitraries.just(null), BadInputs.absent()),
                                "ownClubs", Arbitraries.oneOf(Arbitraries.of("yes", "1", 3), Arbitraries.just(null),
                                        BadInputs.absent())))), 150)
                .refuses("PUT /api/contacts/{recipient} (broken JSON)", 400,
                        put("/api/contacts/department:organization", BadInputs.brokenJson(contact)), 100)
                .refuses("PUT /api/contacts/{recipient} (webhooks at forbidden addresses)", 422, put(
                        "/api/contacts/department:organization", BadInputs.withInvalidFields(contact,
                                Map.of("webhooks", forbiddenUrls))), 20)
                .refuses("PUT /api/contacts/{recipient} (invalid fields)", 400, put("/api/contacts/department:organization",
                        BadInputs.withInvalidFields(contact, Map.of(
                                "email", Arbitraries.oneOf(Arbitraries.of("not-an-address", "a@", "@b", "a b@c.d"),
                                        Arbitraries.strings().alpha().ofMinLength(255).ofMaxLength(400).map(s -> s + "@x.edu")),
                                "emailEnabled", Arbitraries.oneOf(Arbitraries.of("yes", 0), Arbitraries.just(null), BadInputs.absent()),
                                "webhooks", badUrls))), 150)
                .refuses("POST /api/contacts/{recipient}/webhook-secrets (bad bodies)", 400,
                        Arbitraries.oneOf(BadInputs.brokenJson(Map.of("webhook", "https://hooks.example.edu/x")),
                                BadInputs.withInvalidFields(Map.of("webhook", "https://hooks.example.edu/x"), Map.of(
                                        "webhook", Arbitraries.oneOf(BadInputs.blankOrHuge(500), BadInputs.structurallyWrong()))))
                                .map(b -> HttpCall.postJson("/api/contacts/department:organization/webhook-secrets", b)), 90)
                .refuses("POST /api/contacts/{recipient}/webhook-secrets (webhooks not registered)", 422, Arbitraries.of(
                                "https://hooks.example.edu/other", "not a url")
                        .map(w -> HttpCall.postJson("/api/contacts/department:organization/webhook-secrets", "{\"webhook\":\"" + w + "\"}")), 10)
                .refuses("GET /api/contacts/{recipient} (bad)", 400, badRecipients().filter(r -> !r.isBlank() && !r.contains("/")
                        && !r.contains("\\")).map(r -> HttpCall.get("/api/contacts/" + BadInputs.encode(r))), 50)
                .refuses("POST /api/direct-notices (broken JSON)", 400, BadInputs.brokenJson(notice)
                        .map(b -> HttpCall.postJson("/api/direct-notices", b)), 100)
                .refuses("POST /api/direct-notices (clubs there are not or none, a deadline passed or too far)", 422,
                        BadInputs.withInvalidFields(notice, Map.of(
                                "clubIds", Arbitraries.oneOf(Arbitraries.just(List.of("no-such-club")), Arbitraries.just(List.of()),
                                        BadInputs.absent()),
                                "acknowledgeBy", Arbitraries.of("2020-01-01T00:00:00Z", "2099-01-01T00:00:00Z")))
                                .map(b -> HttpCall.postJson("/api/direct-notices", b)), 30)
                .refuses("POST /api/direct-notices (invalid fields)", 400, BadInputs.withInvalidFields(notice, Map.of(
                        "department", Arbitraries.oneOf(Arbitraries.of("Organization", "treasury", ""), Arbitraries.just(null),
                                BadInputs.absent(), BadInputs.structurallyWrong()),
                        "title", Arbitraries.oneOf(BadInputs.blankOrHuge(200), BadInputs.absent(), BadInputs.structurallyWrong()),
                        "body", Arbitraries.oneOf(BadInputs.blankOrHuge(10_000), BadInputs.absent()),
                        "audience", Arbitraries.oneOf(Arbitraries.of("everyone", "club", "ALL-CLUBS"), Arbitraries.just(null),
                                BadInputs.absent()),
                        "clubIds", Arbitraries.oneOf(Arbitraries.just(List.of("")), Arbitraries.just(Map.of("a", 1))),
                        // (a time shaped right but impossible, 2026-13-45T99:99:99Z, is answered 422 "not a valid time": left so)
                        "acknowledgeBy", Arbitraries.of("tomorrow", "", " ", "1", 1, "2030-01-01", "2030-01-01T00:00:00"),
                        "reach", Arbitraries.of("everyone", "Leaders", ""))).map(b -> HttpCall.postJson("/api/direct-notices", b)), 220)
                .refuses("POST /api/direct-notices (rule breaches)", 422, Arbitraries.of(
                        "{\"department\":\"organization\",\"title\":\"t\",\"body\":\"b\",\"audience\":\"category\"}",
                        "{\"department\":\"organization\",\"title\":\"t\",\"body\":\"b\",\"audience\":\"all-clubs\",\"category\":\"sports\"}",
                        "{\"department\":\"organization\",\"title\":\"t\",\"body\":\"b\",\"audience\":\"all-clubs\",\"clubIds\":[\"x\"]}",
                        "{\"department\":\"organization\",\"title\":\"t\",\"body\":\"b\",\"audience\":\"liaison-officers\",\"reach\":\"members\"}")
                        .map(b -> HttpCall.postJson("/api/direct-notices", b)), 20)
                .refuses("POST /api/direct-notices (escalations without a deadline, out of order, empty or beyond it)", 422, Arbitraries.of(
                        "\"escalateToLiaisonAfter\":\"PT1H\"", "\"escalateToHeadAfter\":\"P1D\"",
                        "\"acknowledgeBy\":\"%s\",\"escalateToLiaisonAfter\":\"P1D\",\"escalateToHeadAfter\":\"PT12H\"",
                        "\"acknowledgeBy\":\"%s\",\"escalateToLiaisonAfter\":\"P3D\"",
                        "\"acknowledgeBy\":\"%s\",\"escalateToHeadAfter\":\"P31D\"",
                        "\"acknowledgeBy\":\"%s\",\"escalateToHeadAfter\":\"PT\"",
                        "\"acknowledgeBy\":\"%s\",\"escalateToHeadAfter\":\"P99999999999999999999D\"")
                        .map(extra -> HttpCall.postJson("/api/direct-notices", ("{\"department\":\"organization\",\"title\":\"t\","
                                + "\"body\":\"b\",\"audience\":\"clubs\",\"clubIds\":[\"" + Fixtures.OWN_CLUB + "\"]," + extra + "}")
                                .formatted(Fixtures.inAnHour()))), 15)
                .refuses("POST /api/direct-notices (escalation times that are no durations)", 400, Arbitraries.of(
                        "\"acknowledgeBy\":\"%s\",\"escalateToLiaisonAfter\":\"-PT1H\"",
                        "\"acknowledgeBy\":\"%s\",\"escalateToHeadAfter\":\"two days\"",
                        "\"acknowledgeBy\":\"%s\",\"escalateToHeadAfter\":\"P\"",
                        "\"acknowledgeBy\":\"%s\",\"escalateToHeadAfter\":2")
                        .map(extra -> HttpCall.postJson("/api/direct-notices", ("{\"department\":\"organization\",\"title\":\"t\","
                                + "\"body\":\"b\",\"audience\":\"clubs\",\"clubIds\":[\"" + Fixtures.OWN_CLUB + "\"]," + extra + "}")
                                .formatted(Fixtures.inAnHour()))), 18)
                .refuses("POST /api/direct-notices (oversized)", 413, Arbitraries.just(HttpCall.postJson("/api/direct-notices",
                        BadInputs.oversizedBody())), 2)
                .refuses("POST /api/direct-notices (wrong media type)", 415, Arbitraries.of("text/plain", "application/xml", "text/csv")
                        .map(t -> HttpCall.post("/api/direct-notices", t, "{}")), 10)
                .refuses("GET /api/direct-notices (paging)", 400, BadInputs.badPaging()
                        .map(q -> HttpCall.get("/api/direct-notices?department=organization&" + q)), 100)
                .refuses("GET /api/direct-notices (bad departments)", 400, BadInputs.anyText(40)
                        .filter(d -> !d.matches("organization|finance|evaluation|publicity|external-relations|office"))
                        .filter(d -> !d.isEmpty())
                        .map(d -> HttpCall.get("/api/direct-notices?department=" + BadInputs.encode(d))), 50)
                .refusesIds("GET /api/direct-notices/{id}", ids -> ids.map(id -> HttpCall.get("/api/direct-notices/" + id)), 50, 400)
                .refusesIds("GET /api/direct-notices/{id}/acknowledgements", ids -> ids.map(id -> HttpCall.get("/api/direct-notices/" + id + "/acknowledgements")), 50, 400)
                .refuses("POST /api/feedback (broken JSON)", 400, BadInputs.brokenJson(Map.of("kind", "suggestion", "subject", "s",
                        "text", "t")).map(b -> HttpCall.postJson("/api/feedback", b)), 100)
                .refuses("POST /api/feedback (invalid fields)", 400, BadInputs.withInvalidFields(
                        Map.of("kind", "suggestion", "department", "office", "subject", "s", "text", "t"), Map.of(
                                "kind", Arbitraries.oneOf(Arbitraries.of("praise", "Suggestion", ""), Arbitraries.just(null),
                                        BadInputs.absent(), BadInputs.structurallyWrong()),
                                "department", Arbitraries.oneOf(Arbitraries.of("treasury", "Office", ""), BadInputs.structurallyWrong()),
                                "subject", Arbitraries.oneOf(BadInputs.blankOrHuge(200), BadInputs.absent()),
                                "text", Arbitraries.oneOf(BadInputs.blankOrHuge(2000), BadInputs.absent(),
                                        BadInputs.structurallyWrong()))).map(b -> HttpCall.postJson("/api/feedback", b)), 200)
                .refuses("POST /api/feedback (oversized)", 413, Arbitraries.just(
                        HttpCall.postJson("/api/feedback", BadInputs.oversizedBody())), 2)
                .refuses("POST /api/feedback (wrong media type)", 415, Arbitraries.of("text/plain", "application/xml")
                        .map(type -> HttpCall.post("/api/feedback", type, "{}")), 4)
                .refusesIds("GET /api/feedback/{id}/status", ids -> ids.map(id -> HttpCall.get("/api/feedback/" + id + "/status")), 50, 400)
                .refusesIds("POST /api/feedback/{id}/answer", ids -> ids.map(id -> HttpCall.postJson("/api/feedback/" + id + "/answer", "{\"answer\":\"a\",\"makePublic\":true}")), 50, 400)
                .refuses("POST /api/feedback/{id}/answer (invalid)", 400, BadInputs.withInvalidFields(
                        Map.of("answer", "a", "makePublic", true), Map.of(
                                "answer", Arbitraries.oneOf(BadInputs.blankOrHuge(5000), BadInputs.absent()),
                                "makePublic", Arbitraries.oneOf(Arbitraries.of("yes", 1), Arbitraries.just(null), BadInputs.absent())))
                        .map(b -> HttpCall.postJson("/api/feedback/" + feedback + "/answer", b)), 100)
                .refuses("GET /api/feedback (bad filters)", 400, Arbitraries.oneOf(
                        Arbitraries.just(HttpCall.get("/api/feedback")),
                        Arbitraries.of("treasury", "", "ORGANIZATION").map(d -> HttpCall.get("/api/feedback?department=" + d)),
                        Arbitraries.of("open", "", "Answered").map(st -> HttpCall.get("/api/feedback?department=office&state=" + st))), 30)
                .refuses("GET /api/feedback (paging)", 400, BadInputs.badPaging()
                        .map(q -> HttpCall.get("/api/feedback?department=office&" + q)), 50)
                .refuses("GET /api/feedback/public (paging)", 400, BadInputs.badPaging()
                        .map(q -> HttpCall.get("/api/feedback/public?" + q)), 50)
                .refuses("GET /api/direct-notices/{id}/acknowledgements (paging)", 400, BadInputs.badPaging()
                        .map(q -> HttpCall.get("/api/direct-notices/" + direct + "/acknowledgements?" + q)), 50)
                .refuses("unsupported methods", 405, Arbitraries.oneOf(
                        BadInputs.unsupportedMethods("/api/inbox?recipient=person:2099000001"),
                        BadInputs.unsupportedMethods("/api/notice-kinds"),
                        BadInputs.unsupportedMethods("/api/inbox/unread-count?recipient=person:2099000001")), 100)
                .refuses("unknown paths", 404, BadInputs.unknownPaths(), 50)
                .verify();
    }
}
