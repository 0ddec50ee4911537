package org.federation.club.founding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.club.founding.FoundingFixtures.PATH;
import static org.federation.club.founding.FoundingFixtures.application;
import static org.federation.club.founding.FoundingFixtures.ballot;
import static org.federation.club.founding.FoundingFixtures.hearing;
import static org.federation.club.founding.FoundingFixtures.json;
import static org.federation.club.founding.FoundingFixtures.numbers;
import static org.federation.club.founding.FoundingFixtures.unique;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.bson.Document;
import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.founding.application.FoundingProcess;
import org.federation.club.founding.domain.BallotChoice;
import org.federation.club.founding.domain.CriterionAnswer;
import org.federation.club.founding.domain.FoundingApplication;
import org.federation.club.founding.domain.FoundingApplications;
import org.federation.club.founding.domain.FoundingState;
import org.federation.club.founding.domain.Initiator;
import org.federation.club.founding.domain.PanelMember;
import org.federation.club.founding.domain.Proposal;
import org.federation.club.registry.domain.ClubCategory;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.BusinessClock;
import org.federation.platform.domain.FederationCalendar;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Founding a club through club-service's HTTP API and {@code club.events}: submission, a failed
 * review and resubmission, qualification, the hearing and its ballots, the club's establishment
 * and announcement; a rejection; name clashes; recovery of an approved application whose club is
 * missing.
 */
@ClubServiceTest
class FoundingTest extends EmbeddedBackboneProperties {

    @Autowired
    JsonMapper json;
    @Autowired
    BusinessClock businessTime;
    @Autowired
    FoundingApplications applications;
    @Autowired
    FoundingProcess founding;

    private HttpProbe as(Persona persona) {
        return persona.on(app());
    }

    /** The ids on every page of a list the Organization Department reads, in order. */
    private List<String> everyId(String path) {
        List<String> ids = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = as(Persona.ORGANIZATION_MEMBER).get(path + "&page=" + page).json().get("items");
            if (items.isEmpty()) {
                return ids;
            }
            items.valueStream().map(i -> i.get("id").asString()).forEach(ids::add);
        }
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "founding-applications");
    }

    @Test
    void aClubIsFoundedFromSubmissionThroughAReturnedReviewAndAHearingToItsEstablishmentAndAnnouncement() {
        String name = unique("Robotics Club");
        Map<String, Object> body = application(name, numbers(List.of(Persona.STUDENT, Persona.MEMBER,
                Persona.OTHER_LEADER)));
        roles(body, "president", "vice-president", null);

        // submitted by an initiator
        HttpProbe.Response submitted = as(Persona.STUDENT).postJson(PATH, json(body));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(submitted.json().get("state").asString()).isEqualTo("submitted");
        assertThat(submitted.json().get("allowedActions").toString()).contains("review", "withdraw");
        assertThat(submitted.json().at("/initiators/2/role").asString()).isEqualTo("member");

        // the review fails a mandatory criterion: returned with the reasons
        HttpProbe.Response returned = as(Persona.ORGANIZATION_MEMBER).postJson(PATH + "/" + id + "/review",
                FoundingFixtures.review(app(), Map.of("faculty-advisor-confirmed", "no letter from Prof. Wang",
                        "contact-reachable", "mailbox full")));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("state").asString()).isEqualTo("returned");
        assertThat(returned.json().get("reasons").toString()).contains("faculty-advisor-confirmed: no letter from Prof. Wang")
                .as("a failed optional criterion is no reason to return").doesNotContain("mailbox");

        // reviewing twice is an illegal transition
        HttpProbe.Response again = as(Persona.ORGANIZATION_HEAD).postJson(PATH + "/" + id + "/review",
                FoundingFixtures.passingReview(app()));
        assertIllegal(again, "returned", "resubmit", "withdraw");

        // another initiator corrects and resubmits, adding a treasurer
        List<Map<String, Object>> initiators = initiators(body);
        initiators.add(new LinkedHashMap<>(Map.of("studentNumber", Persona.LEADER.subject(), "name", "林书记",
                "role", "treasurer")));
        body.put("facultyAdvisor", "Prof. Wang Li (letter of 3 November attached)");
        HttpProbe.Response resubmitted = as(Persona.MEMBER).postJson(PATH + "/" + id + "/resubmission", json(body));
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        assertThat(resubmitted.json().get("state").asString()).isEqualTo("submitted");
        assertThat(resubmitted.json().get("initiators").size()).isEqualTo(4);

        // the second review passes: qualified
        HttpProbe.Response qualified = as(Persona.ORGANIZATION_MEMBER).postJson(PATH + "/" + id + "/review",
                FoundingFixtures.passingReview(app()));
        assertThat(qualified.json().get("state").asString()).as(qualified.body()).isEqualTo("qualified");
        assertThat(qualified.json().get("reviews").size()).as("reviews are kept").isEqualTo(2);

        // the hearing, an hour ahead in business time; its panel may not vote before it begins
        Instant at = businessClock.instant().plus(Duration.ofHours(1));
        HttpProbe.Response scheduled = as(Persona.ORGANIZATION_HEAD).postJson(PATH + "/" + id + "/hearing",
                hearing(at, FoundingFixtures.PANEL));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        assertThat(scheduled.json().get("state").asString()).isEqualTo("hearing-scheduled");
        assertThat(scheduled.json().get("allowedActions").toString())
                .as("no ballot is offered before the hearing begins").isEqualTo("[\"withdraw\"]");
        assertIllegal(as(Persona.PRESIDIUM).postJson(PATH + "/" + id + "/hearing/ballots", ballot("approve", null)),
                "hearing-scheduled", "withdraw");
        passBusinessTime(at);
        assertThat(as(Persona.STUDENT).get(PATH + "/" + id).json().get("allowedActions").toString())
                .isEqualTo("[\"cast-ballot\",\"close-hearing\",\"withdraw\"]");

        // ballots: one each, the last one decides
        assertThat(as(Persona.PRESIDIUM).postJson(PATH + "/" + id + "/hearing/ballots",
                ballot("approve", "a clear plan")).status()).isEqualTo(201);
        assertIllegal(as(Persona.PRESIDIUM).postJson(PATH + "/" + id + "/hearing/ballots", ballot("reject", "changed my mind")),
                "hearing-scheduled", "close-hearing", "withdraw");
        assertThat(as(Persona.STUDENT).postJson(PATH + "/" + id + "/hearing/ballots", ballot("approve", null)).status())
                .as("an initiator is not on the panel").isEqualTo(403);
        assertThat(as(Persona.ORGANIZATION_HEAD).postJson(PATH + "/" + id + "/hearing/ballots",
                ballot("abstain", null)).status()).isEqualTo(201);
        assertThat(as(Persona.ORGANIZATION_MEMBER).postJson(PATH + "/" + id + "/hearing/ballots",
                ballot("approve", null)).status()).isEqualTo(201);
        HttpProbe.Response last = as(Persona.FINANCE_MEMBER).postJson(PATH + "/" + id + "/hearing/ballots",
                ballot("approve", "good luck"));
        assertThat(last.status()).as(last.body()).isEqualTo(201);
        assertThat(last.json().get("state").asString()).isEqualTo("established");
        String clubId = last.json().get("clubId").asString();
        assertThat(clubId).isNotBlank().isNotEqualTo(id);

        // the club is in the public directory, with the initiators' proposed leaders
        JsonNode club = app().get("/api/clubs/" + clubId).json();
        assertThat(club.get("name").asString()).isEqualTo(name);
        assertThat(club.get("state").asString()).isEqualTo("active");
        // a business date (other tests in this context moved business time on), and it may have passed midnight meanwhile
        LocalDate businessToday = FederationCalendar.dayOf(businessTime.instant());
        assertThat(club.get("foundedOn").asString()).isIn(businessToday.minusDays(1).toString(), businessToday.toString());
        assertThat(club.get("leaders").valueStream().map(l -> l.get("role").asString()).toList())
                .containsExactly("president", "vice-president", "treasurer");
        assertThat(club.get("memberCount").asInt()).isEqualTo(1);

        // the initiators see everything: reviews, the hearing, every ballot and the tally
        JsonNode detail = as(Persona.OTHER_LEADER).get(PATH + "/" + id).json();
        assertThat(detail.get("state").asString()).isEqualTo("established");
        assertThat(detail.get("allowedActions").size()).isZero();
        assertThat(detail.at("/hearing/ballots").size()).isEqualTo(4);
        assertThat(detail.at("/hearing/ballots/0/panelMember").asString()).isEqualTo(Persona.PRESIDIUM.subject());
        assertThat(detail.at("/hearing/ballots/0/choice").asString()).isEqualTo("approve");
        assertThat(detail.at("/hearing/ballots/0/comment").asString()).isEqualTo("a clear plan");
        assertThat(detail.at("/hearing/ballots/0/at").asString()).isNotBlank();
        assertThat(detail.at("/hearing/tally/approvals").asInt()).isEqualTo(3);
        assertThat(detail.at("/hearing/tally/abstentions").asInt()).isEqualTo(1);
        assertThat(detail.at("/hearing/tally/decision").asString()).isEqualTo("approved");
        assertThat(detail.at("/hearing/outcome").asString()).isEqualTo("approved");
        assertThat(detail.get("history").valueStream().map(s -> s.get("action").asString()).toList())
                .containsExactly("submit", "review", "resubmit", "review", "schedule-hearing", "cast-ballot",
                        "cast-ballot", "cast-ballot", "cast-ballot", "decide", "establish");
        assertThat(stored(id).getString("nameKey")).as("the name is the club's now").endsWith("#" + id);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            TopicProbe.Seen established = probe.await(s -> clubId.equals(s.key()), Duration.ofSeconds(20)).get(0);
            assertThat(established.type()).isEqualTo("org.federation.club.established.v1");
            assertThat(established.headers()).containsEntry("ce_actor", Persona.FINANCE_MEMBER.subject());
            JsonNode payload = json.readTree(established.payload());
            assertThat(payload.get("origin").asString()).isEqualTo("founded");
            assertThat(payload.at("/club/name").asString()).isEqualTo(name);
            assertThat(payload.at("/club/leaders").valueStream().map(l -> l.get("studentNumber").asString() + ":"
                    + l.get("role").asString()).toList()).containsExactly(Persona.STUDENT.subject() + ":president",
                    Persona.MEMBER.subject() + ":vice-president", Persona.LEADER.subject() + ":treasurer");
            assertThat(payload.at("/club/memberStudentNumbers").toString()).contains(Persona.OTHER_LEADER.subject());

            Predicate<TopicProbe.Seen> aboutApplication = s -> id.equals(s.key());
            probe.await(s -> aboutApplication.test(s) && s.type().endsWith("founding-announced.v1"), Duration.ofSeconds(20));
            List<TopicProbe.Seen> seen = probe.drain(Duration.ofMillis(300)).stream().filter(aboutApplication).toList();
            assertThat(seen).extracting(TopicProbe.Seen::type).containsExactly(
                    "org.federation.club.founding-submitted.v1", "org.federation.club.founding-returned.v1",
                    "org.federation.club.founding-submitted.v1", "org.federation.club.founding-qualified.v1",
                    "org.federation.club.hearing-scheduled.v1", "org.federation.club.hearing-ballot-cast.v1",
                    "org.federation.club.hearing-ballot-cast.v1", "org.federation.club.hearing-ballot-cast.v1",
                    "org.federation.club.hearing-ballot-cast.v1", "org.federation.club.founding-announced.v1");
            assertThat(seen).extracting(s -> s.headers().get("sequence"))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            // issue 19: each ballot is an event, its voter the actor; the last one's decision follows it
            assertThat(seen.subList(5, 10)).extracting(s -> s.headers().get("ce_actor")).containsExactly(
                    Persona.PRESIDIUM.subject(), Persona.ORGANIZATION_HEAD.subject(), Persona.ORGANIZATION_MEMBER.subject(),
                    Persona.FINANCE_MEMBER.subject(), Persona.FINANCE_MEMBER.subject());
            JsonNode firstBallot = json.readTree(seen.get(5).payload());
            assertThat(firstBallot.get("panelMember").asString()).isEqualTo(Persona.PRESIDIUM.subject());
            assertThat(firstBallot.get("choice").asString()).isEqualTo("approve");
            assertThat(firstBallot.get("comment").asString()).isEqualTo("a clear plan");
            assertThat(firstBallot.get("ballotsCast").asInt()).isEqualTo(1);
            assertThat(firstBallot.get("panelSize").asInt()).isEqualTo(4);
            assertThat(json.readTree(seen.get(8).payload()).get("ballotsCast").asInt()).isEqualTo(4);
            for (TopicProbe.Seen event : seen) {
                assertThat(json.readTree(event.payload()).has("club")).as("club directories ignore " + event.type())
                        .isFalse();
            }
            JsonNode returnedEvent = json.readTree(seen.get(1).payload());
            assertThat(returnedEvent.get("reasons").toString()).contains("faculty-advisor-confirmed");
            assertThat(returnedEvent.at("/application/state").asString()).isEqualTo("returned");
            JsonNode announcement = json.readTree(seen.get(9).payload());
            assertThat(announcement.get("clubId").asString()).isEqualTo(clubId);
            assertThat(announcement.get("name").asString()).isEqualTo(name);
            assertThat(announcement.get("approvals").asInt()).isEqualTo(3);
            assertThat(announcement.get("abstentions").asInt()).isEqualTo(1);
            assertThat(announcement.at("/leaders/0/studentNumber").asString()).isEqualTo(Persona.STUDENT.subject());
        }
    }

    @Test
    void aRejectedApplicationGivesTheRejectingCommentsAndBarsItsNameUntilTheReapplyDate() {
        String name = unique("Debating Society");
        Instant at = businessClock.instant().plus(Duration.ofHours(1));
        String id = FoundingFixtures.scheduled(app(), name, FoundingFixtures.INITIATORS, at,
                List.of(Persona.PRESIDIUM, Persona.ORGANIZATION_HEAD, Persona.ORGANIZATION_MEMBER));
        assertIllegal(as(Persona.ORGANIZATION_MEMBER).post(PATH + "/" + id + "/hearing/closing", "application/json", ""),
                "hearing-scheduled", "withdraw");
        passBusinessTime(at);

        assertThat(as(Persona.PRESIDIUM).postJson(PATH + "/" + id + "/hearing/ballots",
                ballot("reject", "it duplicates the existing debate club")).status()).isEqualTo(201);
        HttpProbe.Response noReason = as(Persona.ORGANIZATION_HEAD).postJson(PATH + "/" + id + "/hearing/ballots",
                ballot("reject", null));
        assertThat(noReason.status()).as("a ballot to reject says why").isEqualTo(422);
        assertThat(noReason.json().get("detail").asString()).contains("comment");
        assertThat(as(Persona.ORGANIZATION_HEAD).postJson(PATH + "/" + id + "/hearing/ballots",
                ballot("reject", "no budget plan")).status()).isEqualTo(201);

        // two of three voted: a quorum; the department closes the hearing and the ballots decide
        HttpProbe.Response closed = as(Persona.ORGANIZATION_MEMBER).post(PATH + "/" + id + "/hearing/closing",
                "application/json", "");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        LocalDate reapplyAfter = FederationCalendar.dayOf(businessClock.instant()).plusDays(90);
        assertThat(closed.json().get("state").asString()).isEqualTo("rejected");
        assertThat(closed.json().get("reasons").toString()).contains("it duplicates the existing debate club",
                "no budget plan");
        assertThat(closed.json().get("reapplyAfter").asString()).isEqualTo(reapplyAfter.toString());
        assertThat(closed.json().at("/hearing/tally/rejections").asInt()).isEqualTo(2);

        // voting on a closed hearing, withdrawing a closed application: illegal
        assertIllegal(as(Persona.ORGANIZATION_MEMBER).postJson(PATH + "/" + id + "/hearing/ballots", ballot("approve", null)),
                "rejected");
        assertIllegal(as(Persona.STUDENT).postJson(PATH + "/" + id + "/withdrawal", json(Map.of("reason", "x"))),
                "rejected");

        // the name is barred until the reapply date, ignoring case and spacing
        HttpProbe.Response reapply = as(Persona.MEMBER).postJson(PATH, json(application("  " + name.toUpperCase() + " ",
                Persona.MEMBER, Persona.STUDENT, Persona.OTHER_LEADER)));
        assertThat(reapply.status()).as(reapply.body()).isEqualTo(409);
        assertThat(reapply.json().get("detail").asString()).contains(reapplyAfter.toString());

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            TopicProbe.Seen rejected = probe.await(s -> id.equals(s.key()) && s.type().endsWith("founding-rejected.v1"),
                    Duration.ofSeconds(20)).get(0);
            JsonNode payload = json.readTree(rejected.payload());
            assertThat(payload.get("reapplyAfter").asString()).isEqualTo(reapplyAfter.toString());
            assertThat(payload.get("reasons").toString()).contains("no budget plan");
            assertThat(payload.at("/application/state").asString()).isEqualTo("rejected");
            assertThat(rejected.headers()).containsEntry("ce_actor", Persona.ORGANIZATION_MEMBER.subject());
        }
    }

    @Test
    void aHearingWithoutAQuorumIsInconclusiveAndIsScheduledAgain() {
        Instant at = businessClock.instant().plus(Duration.ofHours(1));
        String id = FoundingFixtures.scheduled(app(), at, FoundingFixtures.PANEL);
        passBusinessTime(at);
        assertThat(as(Persona.PRESIDIUM).postJson(PATH + "/" + id + "/hearing/ballots", ballot("approve", null)).status())
                .isEqualTo(201);

        HttpProbe.Response closed = as(Persona.ORGANIZATION_HEAD).post(PATH + "/" + id + "/hearing/closing",
                "application/json", "");
        assertThat(closed.json().get("state").asString()).as(closed.body()).isEqualTo("inconclusive");
        assertThat(closed.json().get("reasons").toString()).contains("no quorum", "1 of 4", "3 needed");

        // the new panel has a student without a federation role: they may read the application they hear
        assertThat(as(Persona.OTHER_LEADER).get(PATH + "/" + id).status()).isEqualTo(403);
        HttpProbe.Response again = as(Persona.ORGANIZATION_HEAD).postJson(PATH + "/" + id + "/hearing",
                hearing(Instant.now().plus(Duration.ofDays(3)), List.of(Persona.PRESIDIUM, Persona.ORGANIZATION_HEAD,
                        Persona.OTHER_LEADER)));
        assertThat(again.json().get("state").asString()).as(again.body()).isEqualTo("hearing-scheduled");
        assertThat(again.json().get("earlierHearings").size()).isEqualTo(1);
        assertThat(again.json().at("/earlierHearings/0/outcome").asString()).isEqualTo("inconclusive");
        assertThat(again.json().at("/hearing/ballots").size()).isZero();
        assertThat(as(Persona.OTHER_LEADER).get(PATH + "/" + id).status()).isEqualTo(200);
        assertThat(as(Persona.OTHER_LEADER).get(PATH).status()).as("but not the list").isEqualTo(403);
    }

    @Test
    void aProposedNameMustBeFreeOfLiveClubsAndOpenApplicationsAndAnOpenApplicationHoldsItAgainstClubs() {
        // a live club's name
        String clubName = unique("Chess Club");
        assertThat(as(Persona.ORGANIZATION_MEMBER).postJson("/api/clubs", clubJson(clubName)).status()).isEqualTo(201);
        HttpProbe.Response clash = as(Persona.STUDENT).postJson(PATH, json(application(" " + clubName.toLowerCase(),
                Persona.STUDENT, Persona.MEMBER, Persona.LEADER)));
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(clash.json().get("detail").asString()).contains("already exists");

        // an open application's name
        String name = unique("Go Club");
        String id = FoundingFixtures.submit(app(), name, FoundingFixtures.INITIATORS);
        long before = mongo.getCollection("founding-applications").countDocuments();
        HttpProbe.Response second = as(Persona.OTHER_LEADER).postJson(PATH, json(application(name.toUpperCase(),
                Persona.OTHER_LEADER, Persona.MEMBER, Persona.LEADER)));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains(id);
        assertThat(mongo.getCollection("founding-applications").countDocuments()).isEqualTo(before);

        // ... refused to a club brought onto the platform, one or by CSV import
        HttpProbe.Response club = as(Persona.ORGANIZATION_MEMBER).postJson("/api/clubs", clubJson(name));
        assertThat(club.status()).as(club.body()).isEqualTo(409);
        assertThat(club.json().get("detail").asString()).contains("founding application " + id);
        HttpProbe.Response imported = as(Persona.ORGANIZATION_MEMBER).post("/api/clubs/import", "text/csv",
                "name,category,foundedOn,leaderName,leaderStudentNumber,contact\n"
                        + name + ",sports,2015-09-01,李雷,2023010001,club@example.edu\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(422);
        assertThat(imported.json().at("/rejected/0/errors/0/message").asString()).contains("founding application " + id);

        // withdrawn, the application frees the name
        HttpProbe.Response withdrawn = as(Persona.LEADER).postJson(PATH + "/" + id + "/withdrawal",
                json(Map.of("reason", "we joined the Weiqi Society instead")));
        assertThat(withdrawn.json().get("state").asString()).as(withdrawn.body()).isEqualTo("withdrawn");
        assertThat(withdrawn.json().get("reasons").toString()).contains("Weiqi Society");
        assertThat(as(Persona.ORGANIZATION_MEMBER).postJson("/api/clubs", clubJson(name)).status()).isEqualTo(201);
    }

    @Test
    void theStaffListApplicationsNewestFirstFilteredByStateAndOnlyStaffAndInitiatorsReadOne() {
        String older = FoundingFixtures.submitted(app());
        String newer = FoundingFixtures.returned(app(), unique("Film Club"), FoundingFixtures.INITIATORS);

        JsonNode all = as(Persona.ORGANIZATION_MEMBER).get(PATH + "?size=100").json();
        // every page: applications other tests filed while their business time was ahead sort first
        List<String> ids = everyId(PATH + "?size=100");
        assertThat(ids).contains(older, newer);
        assertThat(ids.indexOf(newer)).as("newest first").isLessThan(ids.indexOf(older));
        assertThat(all.get("size").asInt()).isEqualTo(100);
        assertThat(all.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode returnedOnly = as(Persona.ORGANIZATION_MEMBER).get(PATH + "?state=returned&size=100").json();
        assertThat(returnedOnly.get("items").valueStream().map(i -> i.get("state").asString()).distinct().toList())
                .containsExactly("returned");
        assertThat(everyId(PATH + "?state=returned&size=100")).contains(newer).doesNotContain(older);

        assertThat(as(Persona.ORGANIZATION_MEMBER).get(PATH + "?state=pending").status()).isEqualTo(400);
        assertThat(as(Persona.ORGANIZATION_MEMBER).get(PATH + "?size=101").status()).isEqualTo(400);
        assertThat(as(Persona.STUDENT).get(PATH).status()).as("initiators see their own, not the list").isEqualTo(403);
        assertThat(as(Persona.STUDENT).get(PATH + "/" + newer).json().get("reasons").toString())
                .contains("faculty-advisor-confirmed");
        assertThat(as(Persona.OTHER_LEADER).get(PATH + "/" + newer).status()).isEqualTo(403);
        assertThat(app().get(PATH + "/" + newer).status()).isEqualTo(401);
        assertThat(as(Persona.STUDENT).get(PATH + "/no-such-application").status()).isEqualTo(404);
    }

    @Test
    void resubmittingUnderANameAnotherApplicationHoldsIsRefusedAndChangesNothing() {
        String taken = unique("Astronomy Club");
        FoundingFixtures.submit(app(), taken, List.of(Persona.OTHER_LEADER, Persona.MEMBER, Persona.LEADER));
        String id = FoundingFixtures.returned(app(), unique("Stargazers"), FoundingFixtures.INITIATORS);
        Document before = stored(id);

        HttpProbe.Response clash = as(Persona.STUDENT).postJson(PATH + "/" + id + "/resubmission",
                json(application(taken, Persona.STUDENT, Persona.MEMBER, Persona.LEADER)));

        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(stored(id).getLong("version")).isEqualTo(before.getLong("version"));
        assertThat(stored(id).getString("state")).isEqualTo("RETURNED");
        assertThat(as(Persona.OTHER_LEADER).postJson(PATH + "/" + id + "/resubmission",
                json(application(taken, Persona.OTHER_LEADER, Persona.MEMBER, Persona.LEADER))).status())
                .as("not an initiator of this application").isEqualTo(403);
    }

    @Test
    void anApprovedApplicationWhoseClubIsMissingIsCompletedOnceByTheSweepAndByARetryOfTheCommand() throws Exception {
        // approved, but the service stopped before the club was written: two such applications
        String first = storeApproved(unique("Recovered Club"));
        String second = storeApproved(unique("Retried Club"));
        assertThat(stored(first).getString("state")).isEqualTo("APPROVED");

        // a retry of the ballot completes it (and is still refused as a second ballot)
        HttpProbe.Response retry = as(Persona.ORGANIZATION_MEMBER).postJson(PATH + "/" + second + "/hearing/ballots",
                ballot("approve", null));
        assertIllegal(retry, "established");
        String secondClub = stored(second).getString("clubId");
        assertThat(app().get("/api/clubs/" + secondClub).status()).isEqualTo(200);

        // two instances sweeping at once establish one club
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(founding::completePending);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(founding::completePending);
        a.get();
        b.get();
        assertThat(founding.completePending()).as("nothing left to do").isZero();

        Document done = stored(first);
        assertThat(done.getString("state")).isEqualTo("ESTABLISHED");
        String clubId = done.getString("clubId");
        assertThat(clubId).isEqualTo(applications.find(first).orElseThrow().clubIdToFound());
        assertThat(mongo.getCollection("clubs").countDocuments(new Document("name", done.get("proposal", Document.class)
                .getString("name")))).isEqualTo(1);
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            probe.await(s -> first.equals(s.key()) && s.type().endsWith("founding-announced.v1"), Duration.ofSeconds(20));
            probe.await(s -> clubId.equals(s.key()), Duration.ofSeconds(20));
            probe.drain(Duration.ofMillis(500));
            assertThat(probe.countFor(clubId)).as("one established event").isEqualTo(1);
            assertThat(probe.countFor(first)).as("one announcement").isEqualTo(1);
        }
    }

    /** Stores an application approved at a hearing that is over, as if the service had stopped right after. */
    private String storeApproved(String name) {
        Instant now = Instant.now();
        String id = java.util.UUID.randomUUID().toString();
        List<Initiator> initiators = List.of(new Initiator(Persona.STUDENT.subject(), "张三", null),
                new Initiator(Persona.MEMBER.subject(), "李四", null), new Initiator(Persona.LEADER.subject(), "王五", null));
        Proposal proposal = new Proposal(name, ClubCategory.SPORTS, "Play", List.of("matches"), "Prof. Li", "Art. 1",
                "c@example.edu", initiators);
        var rules = founding.rules();
        FoundingApplication application = FoundingApplication.submit(id, proposal, Persona.STUDENT.subject(),
                now.minus(Duration.ofHours(3)), rules).state();
        application = application.review(founding.checklist().ids().stream().map(c -> new CriterionAnswer(c, true, null))
                .toList(), founding.checklist(), Persona.ORGANIZATION_MEMBER.subject(), now.minus(Duration.ofHours(2)))
                .state();
        List<PanelMember> panel = FoundingFixtures.PANEL.subList(0, 3).stream()
                .map(p -> new PanelMember(p.subject(), p.name())).toList();
        application = application.scheduleHearing(now.minus(Duration.ofHours(1)), "Room 1", panel,
                Persona.ORGANIZATION_MEMBER.subject(), now.minus(Duration.ofMinutes(90)), rules).state();
        for (PanelMember member : panel) {
            application = application.castBallot(member.number(), BallotChoice.APPROVE, null,
                    now.minus(Duration.ofMinutes(30)), rules).state();
        }
        assertThat(application.state()).isEqualTo(FoundingState.APPROVED);
        applications.add(new Decision<FoundingApplication>(application, List.of()));
        return id;
    }

    private static void assertIllegal(HttpProbe.Response response, String state, String... allowed) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("currentState").asString()).isEqualTo(state);
        assertThat(problem.get("allowedActions").valueStream().map(JsonNode::asString).toList()).containsExactly(allowed);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> initiators(Map<String, Object> body) {
        List<Map<String, Object>> list = new ArrayList<>((List<Map<String, Object>>) body.get("initiators"));
        body.put("initiators", list);
        return list;
    }

    private static void roles(Map<String, Object> body, String... roles) {
        List<Map<String, Object>> list = initiators(body);
        for (int i = 0; i < roles.length; i++) {
            Map<String, Object> initiator = new LinkedHashMap<>(list.get(i));
            if (roles[i] != null) {
                initiator.put("role", roles[i]);
            }
            list.set(i, initiator);
        }
    }

    private static String clubJson(String name) {
        return """
                {"name":"%s","category":"sports","foundedOn":"2015-09-01","leaderName":"李雷",
                 "leaderStudentNumber":"2023010001","contact":"club@example.edu"}""".formatted(name);
    }
}
