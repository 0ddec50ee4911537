package org.federation.club.founding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Founding applications for service tests, brought through HTTP to the state a test needs:
 * submitted, returned, qualified, or with a hearing scheduled. Initiators and panel members are
 * {@link Persona}s, so their tokens act on them.
 */
public final class FoundingFixtures {

    public static final String PATH = "/api/founding-applications";
    /** The usual initiators: the student submits and is proposed president. */
    public static final List<Persona> INITIATORS = List.of(Persona.STUDENT, Persona.MEMBER, Persona.LEADER);
    /** The usual panel: federation members who are no initiators. */
    public static final List<Persona> PANEL = List.of(Persona.PRESIDIUM, Persona.ORGANIZATION_HEAD,
            Persona.ORGANIZATION_MEMBER, Persona.FINANCE_MEMBER);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FoundingFixtures() {
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** An application body; the initiators are these people, the first proposed president by default. */
    public static Map<String, Object> application(String name, List<String> initiatorNumbers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("proposedName", name);
        body.put("category", "academic-technology");
        body.put("purpose", "Build robots together and compete in the spring contest");
        body.put("plannedActivities", List.of("weekly build night", "spring robot contest"));
        body.put("facultyAdvisor", "Prof. Wang Li, School of Mechanical Engineering");
        body.put("constitution", "Article 1. The club is named …\nArticle 2. Members …");
        body.put("contact", "robotics@clubs.example.edu");
        List<Map<String, Object>> initiators = new ArrayList<>();
        for (String number : initiatorNumbers) {
            Map<String, Object> initiator = new LinkedHashMap<>();
            initiator.put("studentNumber", number);
            initiator.put("name", "Initiator " + number);
            initiators.add(initiator);
        }
        body.put("initiators", initiators);
        return body;
    }

    public static Map<String, Object> application(String name, Persona... initiators) {
        return application(name, java.util.Arrays.stream(initiators).map(Persona::subject).toList());
    }

    public static List<String> numbers(List<Persona> personas) {
        return personas.stream().map(Persona::subject).toList();
    }

    /** Submits as the first initiator and returns the application id. */
    public static String submit(HttpProbe app, String name, List<Persona> initiators) {
        HttpProbe.Response response = initiators.get(0).on(app).postJson(PATH,
                json(application(name, numbers(initiators))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    public static String submitted(HttpProbe app) {
        return submit(app, unique("Robotics Club"), INITIATORS);
    }

    /** The checklist's criterion ids, as the service serves them. */
    public static List<String> criteria(HttpProbe app) {
        JsonNode checklist = Persona.STUDENT.on(app).get("/api/founding-checklist").json();
        return checklist.get("criteria").valueStream().map(c -> c.get("id").asString()).toList();
    }

    /** A review passing every criterion of the checklist. */
    public static String passingReview(HttpProbe app) {
        return review(app, Map.of());
    }

    /** A review failing these criteria with these notes, passing the rest. */
    public static String review(HttpProbe app, Map<String, String> failed) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (String criterion : criteria(app)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("criterion", criterion);
            result.put("passed", !failed.containsKey(criterion));
            if (failed.containsKey(criterion)) {
                result.put("note", failed.get(criterion));
            }
            results.add(result);
        }
        return json(Map.of("results", results));
    }

    public static String qualified(HttpProbe app, String name, List<Persona> initiators) {
        String id = submit(app, name, initiators);
        HttpProbe.Response reviewed = Persona.ORGANIZATION_MEMBER.on(app).postJson(PATH + "/" + id + "/review",
                passingReview(app));
        assertThat(reviewed.json().get("state").asString()).as(reviewed.body()).isEqualTo("qualified");
        return id;
    }

    public static String qualified(HttpProbe app) {
        return qualified(app, unique("Robotics Club"), INITIATORS);
    }

    public static String returned(HttpProbe app, String name, List<Persona> initiators) {
        String id = submit(app, name, initiators);
        HttpProbe.Response reviewed = Persona.ORGANIZATION_MEMBER.on(app).postJson(PATH + "/" + id + "/review",
                review(app, Map.of("faculty-advisor-confirmed", "no letter from the advisor")));
        assertThat(reviewed.json().get("state").asString()).as(reviewed.body()).isEqualTo("returned");
        return id;
    }

    public static String hearing(Instant at, List<Persona> panel) {
        List<Map<String, Object>> members = panel.stream().map(p -> Map.<String, Object>of("number", p.subject(),
                "name", "Panel " + p.name())).toList();
        return json(Map.of("scheduledAt", at.toString(), "place", "Student Centre 201", "panel", members));
    }

    /** A qualified application with a hearing at {@code at}, heard by {@code panel}. */
    public static String scheduled(HttpProbe app, Instant at, List<Persona> panel) {
        return scheduled(app, unique("Robotics Club"), INITIATORS, at, panel);
    }

    public static String scheduled(HttpProbe app, String name, List<Persona> initiators, Instant at, List<Persona> panel) {
        String id = qualified(app, name, initiators);
        HttpProbe.Response response = Persona.ORGANIZATION_HEAD.on(app).postJson(PATH + "/" + id + "/hearing",
                hearing(at, panel));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return id;
    }

    public static String ballot(String choice, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("choice", choice);
        if (comment != null) {
            body.put("comment", comment);
        }
        return json(body);
    }
}
