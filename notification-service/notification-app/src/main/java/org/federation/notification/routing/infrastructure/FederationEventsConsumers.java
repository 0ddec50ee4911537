package org.federation.notification.routing.infrastructure;

import org.federation.notification.routing.application.ClubEventNotices;
import org.federation.notification.routing.application.Router;
import org.federation.notification.routing.application.ActivityEventNotices;
import org.federation.notification.routing.application.GenericEventNotices;
import org.federation.notification.routing.domain.NoticeKinds;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.federation.club.contracts.AnyClubEvent;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.notification.directory.infrastructure.Registrants;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.RosterChanged;
import org.federation.notification.directory.infrastructure.ClubDirectory;
import org.federation.notification.directory.domain.Department;
import org.federation.notification.directory.infrastructure.Departments;
import org.federation.notification.directory.domain.Names;
import org.federation.notification.workqueue.application.WorkQueues;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.federation.platform.messaging.consumer.ReadModelRebuild;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.JsonNode;

/**
 * The three consumers: {@code club.events} keeps the directory (club snapshots, the roster) and
 * then routes the events that matter; {@code activity.events} routes event-service's types as
 * {@link ActivityEventNotices} reads them; {@code finance.events} routes the kinds
 * {@link NoticeKinds} lists, read generically. Each is idempotent: the directory by sequence, notices by
 * ids derived from the event. A read-model rebuild replays {@code club.events} and {@code activity.events}
 * through them for the directory, the roster and the registrants only: it routes no notice. After its notices, each
 * event goes to the work queues ({@link WorkQueues}), which it may open or close work in.
 */
@Configuration(proxyBeanMethods = false)
public class FederationEventsConsumers {

    static final String ROSTER_CHANGED = ClubEventTypes.ROSTER_CHANGED;

    @Bean
    Consumer<Message<byte[]>> clubEvents(InboundEvents inbound, ClubDirectory clubs, Departments departments, Router router,
                                          Names names, WorkQueues work) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            if (ROSTER_CHANGED.equals(event.type())) {
                applyRoster(event, inbound.payload(event, RosterChanged.class), departments);
                return;
            }
            JsonNode payload = inbound.payload(event, JsonNode.class);
            if (payload.has("club") && !payload.get("club").isNull()) {
                AnyClubEvent about = inbound.payload(event, AnyClubEvent.class);
                String problem = about.problemFor(event.subject());
                InboundEvents.require(problem == null, event, problem);
                clubs.keep(about.club(), event.sequence());
            }
            if (ReadModelRebuild.replaying()) {
                return; // a rebuild restores the directory and the roster; old events are not news again
            }
            ClubEventNotices.of(event, inbound, names).ifPresent(routed -> router.route(routed, event.actor()));
            work.on(event);
        };
    }

    @Bean
    Consumer<Message<byte[]>> activityEvents(InboundEvents inbound, Router router, Registrants registrants,
                                              Names names, WorkQueues work) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            InboundEvents.require(inbound.payload(event, JsonNode.class).isObject(), event, "the payload must be a JSON object");
            if (ActivityEventTypes.REGISTRATION_CHANGED.equals(event.type())) {
                registrants.keep(ActivityEventNotices.registration(event, inbound), event.sequence());
            }
            if (ReadModelRebuild.replaying()) {
                return; // a rebuild restores who holds a place; old events are not news again
            }
            ActivityEventNotices.of(event, inbound, names)
                    .map(routed -> TELL_REGISTRANTS.contains(event.type())
                            ? routed.alsoFor(registrants.holdingPlacesAt(event.subject())) : routed)
                    .ifPresent(routed -> router.route(routed, event.actor()));
            work.on(event);
        };
    }

    /** Activity events that everyone holding a place must hear of: their plans change. */
    private static final java.util.Set<String> TELL_REGISTRANTS = java.util.Set.of(ActivityEventTypes.CHANGED,
            ActivityEventTypes.CANCELLED);

    @Bean
    Consumer<Message<byte[]>> financeEvents(InboundEvents inbound, Router router, Names names, WorkQueues work) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            JsonNode payload = inbound.payload(event, JsonNode.class);
            InboundEvents.require(payload.isObject(), event, "the payload must be a JSON object");
            GenericEventNotices.of(event, payload, names).ifPresent(routed -> router.route(routed, event.actor()));
            work.on(event);
        };
    }

    /**
     * The roster as club-service publishes it ({@link RosterChanged}, key = department name): the
     * head, deputy heads and members are the department's people (deputies count as members), the
     * liaison officers come with their clubs. A roster for another department than its key, or
     * without a department, goes to the dead-letter topic.
     */
    static void applyRoster(EventEnvelope event, RosterChanged roster, Departments departments) {
        InboundEvents.require(roster.department() != null && roster.department().equals(event.subject()), event,
                "department must be present and equal the event's subject " + event.subject());
        List<String> heads = new ArrayList<>();
        if (roster.head() != null && roster.head().studentNumber() != null) {
            heads.add(roster.head().studentNumber());
        }
        List<String> members = new ArrayList<>(numbers(roster.members()));
        members.addAll(numbers(roster.deputyHeads()));
        List<Department.LiaisonAssignment> liaisons = new ArrayList<>();
        for (RosterChanged.LiaisonOfficer officer : orEmpty(roster.liaisonOfficers())) {
            InboundEvents.require(officer.studentNumber() != null, event, "every liaison officer needs a studentNumber");
            liaisons.add(new Department.LiaisonAssignment(officer.studentNumber(), orEmpty(officer.clubIds())));
        }
        departments.applyRoster(event.subject(), event.sequence(), heads, members, liaisons);
    }

    private static List<String> numbers(List<RosterChanged.Person> people) {
        return orEmpty(people).stream().map(RosterChanged.Person::studentNumber).filter(n -> n != null).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
