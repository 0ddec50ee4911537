package org.federation.club.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.contracts.MemberCredentials;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.domain.BusinessClock;
import org.federation.platform.domain.FederationCalendar;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Joining and leaving clubs, and member credentials verified offline from club.events alone. */
@ClubServiceTest
class MembershipTest extends EmbeddedBackboneProperties {

    @Autowired
    BusinessClock businessTime;
    @Autowired
    JsonMapper json;

    private String applyAsStudent(String clubId) {
        HttpProbe.Response applied = Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications",
                "{\"motivation\":\"I love this\"}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("state").asString()).isEqualTo("pending");
        return applied.json().get("id").asString();
    }

    private List<String> rosterOf(String clubId, String on) {
        return Persona.LEADER.on(app()).get("/api/clubs/" + clubId + "/members" + (on == null ? "" : "?on=" + on)).json()
                .get("members").valueStream().map(m -> m.get("studentNumber").asString()).toList();
    }

    @Test
    void aStudentAppliesTheLeadersApproveAndTheClubsEventsSayItOnce() {
        String clubId = ClubLifecycleTest.newClub(app(), "合唱团");
        String applicationId = applyAsStudent(clubId);
        assertThat(Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications", "{}").status())
                .as("one pending application at a time").isEqualTo(409);
        assertThat(Persona.MEMBER.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications/" + applicationId
                + "/approval", "").status()).as("members do not decide").isEqualTo(403);
        assertThat(Persona.LEADER.on(app()).get("/api/clubs/" + clubId + "/membership-applications?state=pending").json()
                .get("items").valueStream().map(a -> a.get("id").asString())).containsExactly(applicationId);

        HttpProbe.Response approved = Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId
                + "/membership-applications/" + applicationId + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("approved");
        HttpProbe.Response again = Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId
                + "/membership-applications/" + applicationId + "/approval", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("currentState").asString()).isEqualTo("approved");

        assertThat(rosterOf(clubId, null)).contains(Persona.STUDENT.subject(), Persona.MEMBER.subject());
        assertThat(rosterOf(clubId, FederationCalendar.dayOf(businessTime.instant()).minusDays(1).toString()))
                .as("yesterday's roster").doesNotContain(Persona.STUDENT.subject());
        assertThat(Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications", "{}").status())
                .as("already a member").isEqualTo(409);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            List<TopicProbe.Seen> joined = probe.awaitAtLeast(s -> clubId.equals(s.key())
                    && s.type().endsWith("member-joined.v1"), 1, Duration.ofSeconds(20));
            assertThat(json.readTree(joined.get(0).payload()).at("/club/memberStudentNumbers").toString())
                    .contains(Persona.STUDENT.subject());
            assertThat(probe.awaitAtLeast(s -> applicationId.equals(s.key()), 2, Duration.ofSeconds(20)))
                    .extracting(TopicProbe.Seen::type).containsExactly("org.federation.club.membership-requested.v1",
                            "org.federation.club.membership-decided.v1");
            assertThat(probe.drain(Duration.ofMillis(300)).stream().filter(s -> clubId.equals(s.key())
                    && s.type().endsWith("member-joined.v1"))).as("admitted once").hasSize(1);
        }
    }

    /** Today's roster is of the business day, the day joins are dated by (it once read the real UTC date). */
    @Test
    void todaysRosterIsOfTheBusinessDayAMemberAdmittedTodayIsOn() {
        businessTime.advance(Duration.ofDays(3));
        String clubId = ClubLifecycleTest.newClub(app(), "天文社");
        String applicationId = applyAsStudent(clubId);
        assertThat(Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications/" + applicationId
                + "/approval", "").status()).isEqualTo(200);

        JsonNode roster = Persona.LEADER.on(app()).get("/api/clubs/" + clubId + "/members").json();
        // it may have passed midnight in Beijing since the request
        LocalDate businessToday = FederationCalendar.dayOf(businessTime.instant());
        assertThat(roster.get("on").asString()).isIn(businessToday.minusDays(1).toString(), businessToday.toString());
        assertThat(rosterOf(clubId, null)).contains(Persona.STUDENT.subject());
    }

    /**
     * Issue 24, point 7: leaving answers with the leaver's own membership, not the roster (every
     * leader's and member's student number), which a member may not read; and the refusal of the
     * roster states the real rule (leaders, the liaison officer and the departments of the remit). Before the fix the answer
     * was the whole roster and the 403 said the roster was "for the club's own leaders and members".
     */
    @Test
    void leavingAnswersWithTheLeaversOwnMembershipAndTheRosterIsForLeadersAndStaff() {
        String clubId = ClubLifecycleTest.newClub(app(), "围棋社");
        String applicationId = applyAsStudent(clubId);
        assertThat(Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications/"
                + applicationId + "/approval", "").status()).isEqualTo(200);

        HttpProbe.Response refused = Persona.STUDENT.on(app()).get("/api/clubs/" + clubId + "/members");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("club " + clubId + "'s roster is for the club's leaders, its liaison officer and the departments "
                        + "whose remit covers members (docs/security.md)");

        HttpProbe.Response left = Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/membership/leaving", "");
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        JsonNode membership = left.json();
        assertThat(membership.get("clubId").asString()).isEqualTo(clubId);
        assertThat(membership.get("studentNumber").asString()).isEqualTo(Persona.STUDENT.subject());
        assertThat(membership.get("how").asString()).isEqualTo("left");
        assertThat(membership.get("leftAt").isNull()).isFalse();
        // a business date (other tests in this context moved business time on), and it may have passed midnight meanwhile
        LocalDate businessToday = FederationCalendar.dayOf(businessTime.instant());
        assertThat(membership.get("joinedOn").asString()).isIn(businessToday.minusDays(1).toString(), businessToday.toString());
        assertThat(left.body()).as("no one else's student number")
                .doesNotContain(Persona.LEADER.subject(), Persona.MEMBER.subject())
                .doesNotContain("leaders", "members");
    }

    /**
     * Each membership event names the person whose act it was: the applicant, the leader who
     * approved, the member who left, the leader who removed a member. (They once carried whoever
     * made the club's previous recorded change.)
     */
    @Test
    void everyMembershipEventCarriesThePersonWhoseActItWas() {
        String clubId = ClubLifecycleTest.newClub(app(), "摄影社");
        String applicationId = applyAsStudent(clubId);
        assertThat(Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications/"
                + applicationId + "/approval", "").status()).isEqualTo(200);
        assertThat(Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/membership/leaving", "").status())
                .isEqualTo(200);
        HttpProbe.Response removed = Persona.LEADER.on(app()).send(new HttpCall("DELETE", "/api/clubs/" + clubId
                + "/members/" + Persona.MEMBER.subject(), "application/json", "{\"reason\":\"moved abroad\"}"));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            List<TopicProbe.Seen> ofClub = probe.awaitAtLeast(s -> clubId.equals(s.key()), 6, Duration.ofSeconds(20));
            assertThat(ofClub).extracting(s -> s.type().replace("org.federation.club.", ""), s -> s.headers().get("ce_actor"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("established.v1", Persona.ORGANIZATION_MEMBER.subject()),
                            org.assertj.core.groups.Tuple.tuple("member-joined.v1", Persona.LEADER.subject()),
                            org.assertj.core.groups.Tuple.tuple("member-left.v1", Persona.STUDENT.subject()),
                            org.assertj.core.groups.Tuple.tuple("credential-revoked.v1", Persona.STUDENT.subject()),
                            org.assertj.core.groups.Tuple.tuple("member-left.v1", Persona.LEADER.subject()),
                            org.assertj.core.groups.Tuple.tuple("credential-revoked.v1", Persona.LEADER.subject()));
            assertThat(probe.awaitAtLeast(s -> applicationId.equals(s.key()), 2, Duration.ofSeconds(20)))
                    .extracting(s -> s.headers().get("ce_actor"))
                    .containsExactly(Persona.STUDENT.subject(), Persona.LEADER.subject());
        }
    }

    @Autowired
    org.federation.club.registry.domain.Clubs clubRecords;
    @Autowired
    org.federation.club.membership.domain.MembershipApplications applicationRecords;
    @Autowired
    org.federation.club.membership.application.ClubMemberships memberships;

    @Test
    void anApprovalRacingARejectionLeavesTheStudentOutsideAsTheApplicationSays() {
        String clubId = ClubLifecycleTest.newClub(app(), "摄影社");
        String applicationId = applyAsStudent(clubId);
        var leader = org.federation.platform.security.Caller.of(Persona.LEADER.subject(), "Leader", null, Persona.LEADER.roles());
        // another leader rejects the application right after this approval admitted the student, before it closed it
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        var racing = (org.federation.club.registry.domain.Clubs) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.federation.club.registry.domain.Clubs.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(clubRecords, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("change") && !raced.getAndSet(true)) {
                        memberships.reject(clubId, applicationId, "we are full", leader);
                    }
                    return result;
                });
        var approving = new org.federation.club.membership.application.ClubMemberships(racing, applicationRecords, businessTime);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> approving.approve(clubId, applicationId, leader))
                .isInstanceOf(org.federation.platform.problem.StateConflictException.class);

        assertThat(applicationRecords.find(applicationId).orElseThrow().state().value()).isEqualTo("rejected");
        assertThat(rosterOf(clubId, null)).as("not a member of a club that rejected them")
                .doesNotContain(Persona.STUDENT.subject());
    }

    @Test
    void aRejectedStudentMayApplyAgainAndAWithdrawnApplicationIsClosed() {
        String clubId = ClubLifecycleTest.newClub(app(), "话剧社");
        String first = applyAsStudent(clubId);
        HttpProbe.Response rejected = Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId
                + "/membership-applications/" + first + "/rejection", "{\"reason\":\"auditions are in March\"}");
        assertThat(rejected.json().get("reason").asString()).isEqualTo("auditions are in March");
        String second = applyAsStudent(clubId);
        assertThat(Persona.OTHER_LEADER.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications/" + second
                + "/withdrawal", "").status()).as("only the applicant").isEqualTo(403);
        assertThat(Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications/" + second
                + "/withdrawal", "").json().get("state").asString()).isEqualTo("withdrawn");
        assertThat(rosterOf(clubId, null)).doesNotContain(Persona.STUDENT.subject());
    }

    @Test
    void aCredentialVerifiesOfflineFromClubEventsUntilTheMemberLeaves() throws Exception {
        String clubId = ClubLifecycleTest.newClub(app(), "天文社");
        String applicationId = applyAsStudent(clubId);
        assertThat(Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/credentials", "").status())
                .as("not a member yet").isEqualTo(403);
        Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications/" + applicationId
                + "/approval", "");

        HttpProbe.Response issued = Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/credentials", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String credential = issued.json().get("credential").asString();
        String keyId = issued.json().get("keyId").asString();
        assertThat(issued.json().get("role").asString()).isEqualTo("member");
        assertThat(Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/credentials", "").json()
                .get("role").asString()).isEqualTo("president");

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            // issue 19: each issue is an event (keyed by the credential's jti), by its holder; the credential is not in it
            String jti = com.nimbusds.jwt.SignedJWT.parse(credential).getJWTClaimsSet().getJWTID();
            TopicProbe.Seen issuedEvent = probe.await(s -> jti.equals(s.key()), Duration.ofSeconds(20)).get(0);
            assertThat(issuedEvent.type()).isEqualTo("org.federation.club.credential-issued.v1");
            assertThat(issuedEvent.headers()).containsEntry("ce_actor", Persona.STUDENT.subject()).containsEntry("ce_subject", jti);
            JsonNode issuedPayload = json.readTree(issuedEvent.payload());
            assertThat(issuedPayload.get("clubId").asString()).isEqualTo(clubId);
            assertThat(issuedPayload.get("holder").asString()).isEqualTo(Persona.STUDENT.subject());
            assertThat(issuedPayload.get("role").asString()).isEqualTo("member");
            assertThat(issuedPayload.get("keyId").asString()).isEqualTo(keyId);
            assertThat(issuedEvent.payload()).doesNotContain(credential);
            assertThat(probe.awaitAtLeast(s -> s.type().endsWith("credential-issued.v1")
                    && s.payload().contains("\"clubId\":\"" + clubId + "\""), 2, Duration.ofSeconds(20)))
                    .as("the leader's credential too").extracting(s -> s.headers().get("ce_actor"))
                    .containsExactlyInAnyOrder(Persona.STUDENT.subject(), Persona.LEADER.subject());
            // a verifier elsewhere knows only what club.events told it
            JsonNode keyEvent = json.readTree(probe.awaitAtLeast(s -> keyId.equals(s.key()), 1, Duration.ofSeconds(20))
                    .get(0).payload());
            Map<String, Object> publicJwk = json.convertValue(keyEvent.get("publicJwk"), Map.class);
            assertThat(publicJwk).doesNotContainKey("d");
            MemberCredentials.Verification before = MemberCredentials.verify(credential,
                    id -> id.equals(keyId) ? publicJwk : null, (club, student) -> null, Instant.now());
            assertThat(before.valid()).as(String.valueOf(before.detail())).isTrue();
            assertThat(before.holder().clubId()).isEqualTo(clubId);

            HttpProbe.Response left = Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/membership/leaving", "");
            assertThat(left.status()).as(left.body()).isEqualTo(200);
            JsonNode revocation = json.readTree(probe.awaitAtLeast(s -> clubId.equals(s.key())
                    && s.type().endsWith("credential-revoked.v1"), 1, Duration.ofSeconds(20)).get(0).payload());
            assertThat(revocation.get("studentNumber").asString()).isEqualTo(Persona.STUDENT.subject());
            Instant revokedAt = Instant.parse(revocation.get("revokedAt").asString());
            MemberCredentials.Verification after = MemberCredentials.verify(credential,
                    id -> id.equals(keyId) ? publicJwk : null,
                    (club, student) -> club.equals(clubId) && student.equals(Persona.STUDENT.subject()) ? revokedAt : null,
                    Instant.now());
            assertThat(after.problem()).isEqualTo("revoked");
        }
        JsonNode checked = Persona.PUBLICITY_MEMBER.on(app()).postJson("/api/credentials/verification",
                "{\"credential\":\"" + credential + "\"}").json();
        assertThat(checked.get("problem").asString()).isEqualTo("revoked");
        assertThat(Persona.STUDENT.on(app()).postJson("/api/credentials/verification",
                "{\"credential\":\"" + credential + "\"}").status()).isEqualTo(403);
        assertThat(Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/membership/leaving", "").status())
                .as("no longer a member").isEqualTo(409);
    }

    @Test
    void leadersRemoveAMemberWithAReason() {
        String clubId = ClubLifecycleTest.newClub(app(), "棋社");
        HttpProbe.Response removed = Persona.LEADER.on(app()).send(new org.federation.platform.testing.HttpCall("DELETE",
                "/api/clubs/" + clubId + "/members/" + Persona.MEMBER.subject(), "application/json",
                "{\"reason\":\"never came\"}"));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("members").valueStream().map(m -> m.get("studentNumber").asString()))
                .doesNotContain(Persona.MEMBER.subject());
        assertThat(HttpProbe.onPort(port).get("/api/clubs/" + clubId).json().get("memberCount").asInt()).isZero();
    }
}
