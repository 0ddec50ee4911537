package org.federation.event.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Activities through HTTP and events: proposal, joint confirmation, review, venue conflicts, the calendar, club endings. */
@EventServiceTest
class ActivitiesTest extends EmbeddedBackboneProperties {

    /** Each test's activities start on their own day, far enough ahead for the lead time. */
    static final AtomicLong DAY = new AtomicLong(40);

    @Autowired
    ClubDirectory directory;

    /** A club led by {@code leader} with {@link Persona#MEMBER} as member, known to event-service. */
    String club(Persona leader) {
        String id = "club-act-" + UUID.randomUUID();
        ClubFacts.publishEstablished(id, "活动社 " + id.substring(9, 17), leader.subject(), List.of(Persona.MEMBER.subject()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(id).isPresent());
        return id;
    }

    static String proposal(String venue, Instant start, int hours, String clubsJson, String extra) {
        return """
                {"title":"Go night, 围棋之夜","kind":"tournament","description":"Bring boards; 欢迎新手","start":"%s","end":"%s",
                 "venue":"%s","audience":"public","expectedSize":40,%s%s}"""
                .formatted(start, start.plus(hours, ChronoUnit.HOURS), venue, clubsJson, extra);
    }

    static Instant someDay() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(DAY.incrementAndGet(), ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
    }

    String propose(Persona who, String body) {
        HttpProbe.Response proposed = who.on(app()).postJson("/api/activities", body);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }

    @Test
    void aLeaderProposesTheDepartmentApprovesAndTheActivityIsPublishedOnTheCalendar() {
        String club = club(Persona.LEADER);
        String venue = "Hall " + UUID.randomUUID();
        Instant start = someDay();
        assertThat(Persona.MEMBER.on(app()).postJson("/api/activities", proposal(venue, start, 2, "\"clubs\":[\"" + club + "\"]", ""))
                .status()).as("members do not propose").isEqualTo(403);
        HttpProbe.Response tooSoon = Persona.LEADER.on(app()).postJson("/api/activities",
                proposal(venue, Instant.now().plus(2, ChronoUnit.DAYS), 2, "\"clubs\":[\"" + club + "\"]", ""));
        assertThat(tooSoon.status()).as(tooSoon.body()).isEqualTo(422);
        assertThat(tooSoon.body()).contains("7 days");

        String first = propose(Persona.LEADER, proposal(venue, start, 2, "\"clubs\":[\"" + club + "\"]", ""));
        assertThat(Persona.ANONYMOUS.on(app()).get("/api/calendar/" + first).status()).as("not yet published").isEqualTo(404);
        assertThat(Persona.LEADER.on(app()).postJson("/api/activities/" + first + "/approval", "").status())
                .as("leaders do not approve").isEqualTo(403);
        HttpProbe.Response approved = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + first + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("approved");

        String clash = propose(Persona.LEADER, proposal(venue.toLowerCase(), start.plus(1, ChronoUnit.HOURS), 2,
                "\"clubs\":[\"" + club + "\"]", ""));
        HttpProbe.Response refused = Persona.ORGANIZATION_HEAD.on(app()).postJson("/api/activities/" + clash + "/approval", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains(first);
        assertThat(Persona.ORGANIZATION_HEAD.on(app()).get("/api/activities/" + clash).json().get("state").asString())
                .isEqualTo("proposed");
        HttpProbe.Response returned = Persona.ORGANIZATION_HEAD.on(app()).postJson("/api/activities/" + clash + "/return",
                "{\"reasons\":[\"the hall is taken; pick another evening\"]}");
        assertThat(returned.json().get("returnReasons").get(0).asString()).contains("hall is taken");

        HttpProbe anyone = Persona.ANONYMOUS.on(app());
        assertThat(anyone.get("/api/calendar/" + first).json().get("title").asString()).isEqualTo("Go night, 围棋之夜");
        String day = start.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        HttpProbe.Response calendar = anyone.get("/api/calendar?club=" + club + "&from=" + day + "&to=" + day + "&category=sports");
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(200);
        assertThat(calendar.json().get("items")).hasSize(1);
        assertThat(anyone.get("/api/calendar?club=" + club + "&category=arts-culture").json().get("items")).isEmpty();
        HttpProbe.Response feed = anyone.get("/api/calendar/feed?club=" + club);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:" + first + "@")
                .contains("SUMMARY:Go night\\, 围棋之夜").endsWith("END:VCALENDAR\r\n");

        HttpProbe.Response moved = Persona.LEADER.on(app()).postJson("/api/activities/" + first + "/reschedule",
                "{\"start\":\"%s\",\"end\":\"%s\",\"venue\":\"Gym %s\"}".formatted(start, start.plus(3, ChronoUnit.HOURS), venue));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        String again = propose(Persona.LEADER, proposal(venue, start, 2, "\"clubs\":[\"" + club + "\"]", ""));
        assertThat(Persona.PRESIDIUM.on(app()).postJson("/api/activities/" + again + "/approval", "").status())
                .as("the old slot was released").isEqualTo(200);
        HttpProbe.Response cancelled = Persona.LEADER.on(app()).postJson("/api/activities/" + first + "/cancellation",
                "{\"reason\":\"the speaker fell ill\"}");
        assertThat(cancelled.json().get("state").asString()).isEqualTo("cancelled");
        assertThat(anyone.get("/api/calendar/" + first).status()).isEqualTo(404);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "activity.events")) {
            List<TopicProbe.Seen> seen = probe.awaitAtLeast(s -> first.equals(s.key()), 4, Duration.ofSeconds(20));
            assertThat(seen).extracting(TopicProbe.Seen::type).containsExactly(ActivityEventTypes.PROPOSED,
                    ActivityEventTypes.PUBLISHED, ActivityEventTypes.CHANGED, ActivityEventTypes.CANCELLED);
            assertThat(seen.get(3).payload()).contains("the speaker fell ill");
            assertThat(seen).extracting(s -> s.headers().get("ce_actor"))
                    .as("the proposer, the approver, then the leader who moved and cancelled it")
                    .containsExactly(Persona.LEADER.subject(), Persona.ORGANIZATION_MEMBER.subject(), Persona.LEADER.subject(),
                            Persona.LEADER.subject());
            assertThat(probe.drain(Duration.ofMillis(300)).stream().filter(s -> clash.equals(s.key())))
                    .as("a returned proposal was proposed once and never published")
                    .extracting(TopicProbe.Seen::type).containsExactly(ActivityEventTypes.PROPOSED);
        }
    }

    @Test
    void eachPublishedChangeOfADepartmentsProgrammeCarriesThePersonWhoMadeIt() {
        Instant start = someDay();
        String venue = "Auditorium " + UUID.randomUUID();
        String programme = propose(Persona.PUBLICITY_MEMBER, proposal(venue, start, 2, "\"clubs\":[]",
                ",\"department\":\"publicity\""));
        HttpProbe.Response approved = Persona.ORGANIZATION_HEAD.on(app()).postJson("/api/activities/" + programme + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        HttpProbe.Response moved = Persona.PUBLICITY_MEMBER.on(app()).postJson("/api/activities/" + programme + "/reschedule",
                "{\"start\":\"%s\",\"end\":\"%s\",\"venue\":\"%s\"}".formatted(start, start.plus(3, ChronoUnit.HOURS), venue));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        HttpProbe.Response cancelled = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + programme
                + "/cancellation", "{\"reason\":\"the sponsor withdrew\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "activity.events")) {
            List<TopicProbe.Seen> seen = probe.awaitAtLeast(s -> programme.equals(s.key()), 4, Duration.ofSeconds(20));
            assertThat(seen).extracting(TopicProbe.Seen::type).containsExactly(ActivityEventTypes.PROPOSED,
                    ActivityEventTypes.PUBLISHED, ActivityEventTypes.CHANGED, ActivityEventTypes.CANCELLED);
            assertThat(seen).extracting(s -> s.headers().get("ce_actor")).as("not the proposer each time, but who acted")
                    .containsExactly(Persona.PUBLICITY_MEMBER.subject(), Persona.ORGANIZATION_HEAD.subject(),
                            Persona.PUBLICITY_MEMBER.subject(), Persona.ORGANIZATION_MEMBER.subject());
        }
    }

    @Test
    void aJointActivityNeedsEveryCoOrganisersConfirmationAndADepartmentProposesProgrammes() {
        String own = club(Persona.LEADER);
        String other = club(Persona.OTHER_LEADER);
        String joint = propose(Persona.LEADER, proposal("Hall " + UUID.randomUUID(), someDay(), 2,
                "\"clubs\":[\"" + own + "\",\"" + other + "\"]", ""));
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).get("/api/activities/" + joint).json().get("state").asString())
                .isEqualTo("awaiting-confirmation");
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + joint + "/approval", "").status())
                .isEqualTo(409);
        HttpProbe.Response again = Persona.LEADER.on(app()).postJson("/api/activities/" + joint + "/confirmation", "");
        assertThat(again.status()).as("the proposing club has confirmed already: a state, not a right").isEqualTo(409);
        assertThat(again.json().get("currentState").asString()).isEqualTo("awaiting-confirmation");
        assertThat(again.json().get("detail").asString()).contains("already confirmed", other);
        assertThat(Persona.MEMBER.on(app()).postJson("/api/activities/" + joint + "/confirmation", "").status())
                .as("a member of no organising club's leadership").isEqualTo(403);
        HttpProbe.Response confirmed = Persona.OTHER_LEADER.on(app()).postJson("/api/activities/" + joint + "/confirmation", "");
        assertThat(confirmed.json().get("state").asString()).as(confirmed.body()).isEqualTo("proposed");

        assertThat(Persona.LEADER.on(app()).postJson("/api/activities", proposal("Hall " + UUID.randomUUID(), someDay(), 2,
                "\"clubs\":[]", ",\"department\":\"organization\"")).status()).isEqualTo(403);
        String cup = propose(Persona.ORGANIZATION_MEMBER, proposal("Stadium " + UUID.randomUUID(), someDay(), 5,
                "\"clubs\":[]", ",\"department\":\"organization\""));
        assertThat(Persona.ORGANIZATION_HEAD.on(app()).get("/api/activities/" + cup).json().get("category").asString())
                .isEqualTo("federation");
    }

    @Test
    void aDissolvedClubsActivitiesAreCancelledAndAMergedClubsPassToTheSuccessor() {
        String dissolving = club(Persona.LEADER);
        String merging = club(Persona.LEADER);
        String successor = club(Persona.OTHER_LEADER);
        String doomed = propose(Persona.LEADER, proposal("Hall " + UUID.randomUUID(), someDay(), 2,
                "\"clubs\":[\"" + dissolving + "\"]", ""));
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + doomed + "/approval", "").status())
                .isEqualTo(200);
        String handed = propose(Persona.LEADER, proposal("Hall " + UUID.randomUUID(), someDay(), 2,
                "\"clubs\":[\"" + merging + "\"]", ""));

        String snapshot = """
                {"id":"%s","name":"%s","category":"sports","state":"%s","foundedOn":"2015-09-01","leaders":[],
                 "memberStudentNumbers":[],"successorId":%s}""";
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            String gone = snapshot.formatted(dissolving, "Gone", "dissolved", "null");
            raw.send("club.events", RawEvents.envelope(ClubEventTypes.DISSOLVED, "/club-service", dissolving, 5,
                    "{\"club\":" + gone + ",\"previousState\":\"dissolving\",\"reason\":\"settled\"}"));
            raw.send("club.events", RawEvents.envelope(ClubEventTypes.DISSOLVED, "/club-service", dissolving, 5,
                    "{\"club\":" + gone + ",\"previousState\":\"dissolving\",\"reason\":\"settled\"}"));
            String merged = snapshot.formatted(merging, "Merged", "merged", "\"" + successor + "\"");
            String next = snapshot.formatted(successor, "Successor", "active", "null");
            raw.send("club.events", RawEvents.envelope(ClubEventTypes.MERGED, "/club-service", merging, 2,
                    "{\"club\":" + merged + ",\"successor\":" + next + ",\"mergedAwayIds\":[\"" + merging
                            + "\"],\"mergerId\":\"m1\"}"));
        }
        HttpProbe staff = Persona.ORGANIZATION_MEMBER.on(app());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(staff.get("/api/activities/" + doomed).json().get("state").asString()).isEqualTo("cancelled");
            assertThat(staff.get("/api/activities/" + handed).json().get("organiserClubIds").get(0).asString()).isEqualTo(successor);
        });
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "activity.events")) {
            List<TopicProbe.Seen> seen = probe.awaitAtLeast(s -> doomed.equals(s.key()), 3, Duration.ofSeconds(20));
            assertThat(seen).extracting(TopicProbe.Seen::type).containsExactly(ActivityEventTypes.PROPOSED,
                    ActivityEventTypes.PUBLISHED, ActivityEventTypes.CANCELLED);
            assertThat(seen.get(2).headers()).as("the club's dissolution, not a person, cancelled it")
                    .containsEntry("ce_actor", "system");
        }
    }

    @Test
    void theOrganisersEditAndResubmitAReturnedProposalKeepingTheReturnReasons() {
        String club = club(Persona.LEADER);
        Instant start = someDay();
        String id = propose(Persona.LEADER, proposal("Hall " + UUID.randomUUID(), start, 2, "\"clubs\":[\"" + club + "\"]", ""));
        String path = "/api/activities/" + id + "/resubmission";
        HttpProbe.Response tooEarly = Persona.LEADER.on(app()).postJson(path, "{}");
        assertThat(tooEarly.status()).as("only a returned proposal is resubmitted").isEqualTo(409);
        assertThat(tooEarly.body()).contains("proposed");
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + id + "/return",
                "{\"reasons\":[\"no risk plan\",\"场地太小\"]}").status()).isEqualTo(200);

        assertThat(Persona.MEMBER.on(app()).postJson(path, "{}").status()).as("members do not resubmit").isEqualTo(403);
        assertThat(Persona.OTHER_LEADER.on(app()).postJson(path, "{}").status()).isEqualTo(403);
        assertThat(Persona.LEADER.on(app()).postJson(path, "{\"title\":\"   \"}").status()).isEqualTo(400);
        assertThat(Persona.LEADER.on(app()).postJson(path, "{\"audience\":\"everyone\"}").status()).isEqualTo(400);
        HttpProbe.Response soon = Persona.LEADER.on(app()).postJson(path, "{\"start\":\"%s\",\"end\":\"%s\"}".formatted(
                Instant.now().plus(1, ChronoUnit.DAYS), Instant.now().plus(25, ChronoUnit.HOURS)));
        assertThat(soon.status()).as(soon.body()).isEqualTo(422);
        assertThat(Persona.LEADER.on(app()).get("/api/activities/" + id).json().get("state").asString())
                .as("refused input changed nothing").isEqualTo("returned");

        String newVenue = "Hall " + UUID.randomUUID();
        HttpProbe.Response resubmitted = Persona.LEADER.on(app()).postJson(path,
                "{\"venue\":\"" + newVenue + "\",\"description\":\"with a risk plan; 有应急预案\",\"expectedSize\":30}");
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        assertThat(resubmitted.json().get("state").asString()).isEqualTo("proposed");
        assertThat(resubmitted.json().get("venue").asString()).isEqualTo(newVenue);
        assertThat(resubmitted.json().get("title").asString()).isEqualTo("Go night, 围棋之夜");
        var stored = Persona.ORGANIZATION_MEMBER.on(app()).get("/api/activities/" + id).json();
        assertThat(stored.get("expectedSize").asInt()).isEqualTo(30);
        assertThat(stored.get("resubmissions").get(0).get("returnReasons").toString()).contains("no risk plan", "场地太小");
        assertThat(stored.get("resubmissions").get(0).get("returnedBy").asString())
                .isEqualTo(Persona.ORGANIZATION_MEMBER.subject());
        assertThat(stored.get("resubmissions").get(0).get("resubmittedBy").asString()).isEqualTo(Persona.LEADER.subject());
        assertThat(Persona.LEADER.on(app()).postJson(path, "{}").status()).as("already proposed again").isEqualTo(409);
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + id + "/approval", "").status())
                .isEqualTo(200);
        assertThat(Persona.LEADER.on(app()).postJson(path, "{}").status()).isEqualTo(409);
        assertThat(Persona.LEADER.on(app()).postJson("/api/activities/act-missing/resubmission", "{}").status())
                .isEqualTo(404);
    }

    @Autowired
    org.federation.event.activities.domain.VenueSchedules venues;

    @Autowired
    org.federation.event.activities.application.ActivityPlanning planning;

    @Test
    void theRepairSweepReleasesABookingLeftByAFailedApprovalAndSetsBackAFailedMove() {
        String club = club(Persona.LEADER);
        String venue = "Hall " + UUID.randomUUID();
        Instant start = someDay();
        String stranded = propose(Persona.LEADER, proposal(venue, start, 2, "\"clubs\":[\"" + club + "\"]", ""));
        String waiting = propose(Persona.LEADER, proposal(venue, start, 2, "\"clubs\":[\"" + club + "\"]", ""));
        Instant longAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        // an approval that booked the venue and died before marking its activity approved
        venues.book(venue, new org.federation.event.activities.domain.VenueSchedule.Booking(stranded, "Go night", start,
                start.plus(2, ChronoUnit.HOURS), longAgo));
        HttpProbe.Response blocked = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + waiting + "/approval", "");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body()).contains(stranded);

        // an approved activity whose reschedule in its venue died after booking the new times
        String moved = propose(Persona.LEADER, proposal(venue, start.plus(5, ChronoUnit.HOURS), 1,
                "\"clubs\":[\"" + club + "\"]", ""));
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + moved + "/approval", "").status())
                .isEqualTo(200);
        venues.book(venue, new org.federation.event.activities.domain.VenueSchedule.Booking(moved, "Go night",
                start.plus(8, ChronoUnit.HOURS), start.plus(9, ChronoUnit.HOURS), longAgo));
        // a booking made just now, whose approval may still be running
        String running = propose(Persona.LEADER, proposal(venue, start.plus(20, ChronoUnit.HOURS), 1,
                "\"clubs\":[\"" + club + "\"]", ""));
        venues.book(venue, new org.federation.event.activities.domain.VenueSchedule.Booking(running, "Go night",
                start.plus(20, ChronoUnit.HOURS), start.plus(21, ChronoUnit.HOURS), Instant.now()));

        assertThat(planning.repairVenues(Instant.now(), Duration.ofMinutes(5))).isGreaterThanOrEqualTo(2);
        var schedule = venues.all().stream().filter(v -> v.id().equals(
                org.federation.event.activities.domain.VenueSchedule.keyOf(venue))).findFirst().orElseThrow();
        assertThat(schedule.bookings()).extracting(org.federation.event.activities.domain.VenueSchedule.Booking::activityId)
                .containsExactlyInAnyOrder(moved, running);
        assertThat(schedule.bookings().stream().filter(b -> b.activityId().equals(moved)).findFirst().orElseThrow().start())
                .as("back to the approved activity's own time").isEqualTo(start.plus(5, ChronoUnit.HOURS));
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + waiting + "/approval", "").status())
                .as("the slot is free again").isEqualTo(200);
        assertThat(planning.repairVenues(Instant.now(), Duration.ofMinutes(5))).as("nothing more to repair").isZero();
    }

    @Autowired
    org.federation.event.activities.domain.Activities activityRecords;

    @Autowired
    org.federation.platform.domain.BusinessClock businessClock;

    /** An instance's planning whose venue schedules run {@code between} once, right after its first booking. */
    org.federation.event.activities.application.ActivityPlanning planningRacing(Runnable between) {
        return new org.federation.event.activities.application.ActivityPlanning(activityRecords, racing(between), directory,
                businessClock, Duration.ofDays(7));
    }

    static final org.federation.platform.security.Caller REVIEWER = org.federation.platform.security.Caller.of(
            Persona.ORGANIZATION_MEMBER.subject(), "Reviewer", null, Persona.ORGANIZATION_MEMBER.roles());

    /** Venue schedules that run {@code between} once, right after the first booking is written. */
    org.federation.event.activities.domain.VenueSchedules racing(Runnable between) {
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        return new org.federation.event.activities.domain.VenueSchedules() {
            @Override
            public void book(String at, org.federation.event.activities.domain.VenueSchedule.Booking booking) {
                venues.book(at, booking);
                if (!raced.getAndSet(true)) {
                    between.run();
                }
            }

            @Override
            public void release(String at, String activityId) {
                venues.release(at, activityId);
            }

            @Override
            public void releaseExactly(String at, org.federation.event.activities.domain.VenueSchedule.Booking booking) {
                venues.releaseExactly(at, booking);
            }

            @Override
            public List<org.federation.event.activities.domain.VenueSchedule> all() {
                return venues.all();
            }
        };
    }

    @Test
    void anApprovalRacingAReturnGivesItsBookingBackAtOnce() {
        String club = club(Persona.LEADER);
        String venue = "Hall " + UUID.randomUUID();
        Instant start = someDay();
        String id = propose(Persona.LEADER, proposal(venue, start, 2, "\"clubs\":[\"" + club + "\"]", ""));
        // the approval has booked the venue; before it marks the activity approved, another reviewer returns it
        var first = planningRacing(() -> assertThat(Persona.ORGANIZATION_HEAD.on(app()).postJson("/api/activities/" + id
                + "/return", "{\"reasons\":[\"the budget is missing\"]}").status()).isEqualTo(200));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.approve(id, REVIEWER))
                .isInstanceOf(org.federation.platform.problem.IllegalTransitionException.class);

        assertThat(venues.all().stream().filter(v -> v.id().equals(
                org.federation.event.activities.domain.VenueSchedule.keyOf(venue))).flatMap(v -> v.bookings().stream()).toList())
                .as("a returned activity holds no slot, not even until the repair sweep").isEmpty();
    }

    @Test
    void twoReviewersApprovingOneActivityAtOnceLeaveItApprovedWithItsVenueStillBooked() {
        String club = club(Persona.LEADER);
        String venue = "Hall " + UUID.randomUUID();
        Instant start = someDay();
        String id = propose(Persona.LEADER, proposal(venue, start, 2, "\"clubs\":[\"" + club + "\"]", ""));
        // the first reviewer's approval has booked the venue; before it marks the activity approved, a second
        // reviewer approves it (booking the same slot for the same activity), so the first is refused
        var first = planningRacing(() -> assertThat(Persona.ORGANIZATION_HEAD.on(app()).postJson("/api/activities/" + id
                + "/approval", "").status()).isEqualTo(200));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.approve(id, REVIEWER))
                .isInstanceOf(org.federation.platform.problem.IllegalTransitionException.class);

        var schedule = venues.all().stream().filter(v -> v.id().equals(
                org.federation.event.activities.domain.VenueSchedule.keyOf(venue))).findFirst().orElseThrow();
        assertThat(schedule.bookings()).extracting(org.federation.event.activities.domain.VenueSchedule.Booking::activityId)
                .as("the approved activity keeps its venue").containsExactly(id);
        String rival = propose(Persona.LEADER, proposal(venue, start, 2, "\"clubs\":[\"" + club + "\"]", ""));
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + rival + "/approval", "").status())
                .as("so the slot cannot be given twice").isEqualTo(409);
    }
}
