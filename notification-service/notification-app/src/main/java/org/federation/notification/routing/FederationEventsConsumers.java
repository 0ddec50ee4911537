package org.federation.notification.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.federation.club.contracts.AnyClubEvent;
import org.federation.notification.directory.ClubDirectory;
import org.federation.notification.directory.Department;
import org.federation.notification.directory.Departments;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.JsonNode;

/**
 * The three consumers: {@code club.events} keeps the directory (club snapshots, the roster) and
 * then routes the events that matter; {@code activity.events} routes event-service's types as
 * {@link ActivityEventNotices} reads them; {@code finance.events} routes the kinds
 * {@link NoticeKinds} lists, read generically. Each is idempotent: the directory by sequence, notices by
 * ids derived from the event.
 */
@Configuration(proxyBeanMethods = false)
class FederationEventsConsumers {

    static final String ROSTER_CHANGED = "org.federation.federation.roster-changed.v1";

    @Bean
    Consumer<Message<byte[]>> clubEvents(InboundEvents inbound, ClubDirectory clubs, Departments departments, Router router) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            if (ROSTER_CHANGED.equals(event.type())) {
                applyRoster(event, inbound.payload(event, JsonNode.class), departments);
                return;
            }
            JsonNode payload = inbound.payload(event, JsonNode.class);
            if (payload.has("club") && !payload.get("club").isNull()) {
                AnyClubEvent about = inbound.payload(event, AnyClubEvent.class);
                String problem = about.problemFor(event.subject());
                InboundEvents.require(problem == null, event, problem);
                clubs.keep(about.club(), event.sequence());
            }
            ClubEventNotices.of(event, inbound).ifPresent(routed -> router.route(routed, event.actor()));
        };
    }

    @Bean
    Consumer<Message<byte[]>> activityEvents(InboundEvents inbound, Router router) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            InboundEvents.require(inbound.payload(event, JsonNode.class).isObject(), event, "the payload must be a JSON object");
            ActivityEventNotices.of(event, inbound).ifPresent(routed -> router.route(routed, event.actor()));
        };
    }

    @Bean
    Consumer<Message<byte[]>> financeEvents(InboundEvents inbound, Router router) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            JsonNode payload = inbound.payload(event, JsonNode.class);
            InboundEvents.require(payload.isObject(), event, "the payload must be a JSON object");
            GenericEventNotices.of(event, payload).ifPresent(routed -> router.route(routed, event.actor()));
        };
    }

    /**
     * The roster as club-service publishes it ({@code RosterChanged}, key = department name):
     * {@code head}, {@code deputyHeads}, {@code members} (objects with {@code studentNumber}),
     * {@code liaisonOfficers} ({@code studentNumber} and {@code clubIds}). Read leniently, so a
     * roster that names people by bare numbers is understood too.
     */
    static void applyRoster(EventEnvelope event, JsonNode roster, Departments departments) {
        InboundEvents.require(roster.isObject(), event, "the roster must be a JSON object");
        JsonNode body = roster.has("department") && roster.get("department").isObject() ? roster.get("department") : roster;
        List<String> heads = numbers(body.get("heads"));
        if (body.has("head")) {
            heads.addAll(numbers(body.get("head")));
        }
        List<Department.LiaisonAssignment> liaisons = new ArrayList<>();
        if (body.has("liaisonOfficers")) {
            for (JsonNode officer : body.get("liaisonOfficers")) {
                List<String> who = numbers(officer);
                if (!who.isEmpty()) {
                    liaisons.add(new Department.LiaisonAssignment(who.get(0), strings(officer.get("clubIds"))));
                }
            }
        }
        List<String> members = numbers(body.get("members"));
        members.addAll(numbers(body.get("deputyHeads"))); // deputy heads are the department's people too
        departments.applyRoster(event.subject(), event.sequence(), heads, members, liaisons);
    }

    private static List<String> numbers(JsonNode node) {
        List<String> numbers = new ArrayList<>();
        if (node == null || node.isNull()) {
            return numbers;
        }
        if (node.isString()) {
            numbers.add(node.asString());
        } else if (node.isArray()) {
            node.valueStream().forEach(n -> numbers.addAll(numbers(n)));
        } else if (node.isObject()) {
            for (String field : List.of("studentNumber", "officer", "subject", "number")) {
                if (node.has(field) && node.get(field).isString()) {
                    numbers.add(node.get(field).asString());
                    break;
                }
            }
        }
        return numbers;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.valueStream().filter(JsonNode::isString).forEach(n -> values.add(n.asString()));
        }
        return values;
    }
}
