package org.federation.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of an app × every {@link Persona}, each cell the exact status expected. The
 * endpoints come from the app's own request mappings: an endpoint without a row fails the test,
 * so nothing is added later without deciding who may call it. Prints the matrix it checked.
 */
public final class AuthorizationMatrix {

    /** Who gets which status at one endpoint. */
    public static final class Expect {

        private final Map<Persona, Integer> statuses = new EnumMap<>(Persona.class);

        private Expect() {
        }

        /** Everyone, signed in or not, gets this status. */
        public static Expect everyone(int status) {
            Expect expect = new Expect();
            for (Persona persona : Persona.values()) {
                expect.statuses.put(persona, status);
            }
            return expect;
        }

        /** These personas get {@code status}; anonymous callers 401; everyone else 403. */
        public static Expect only(int status, Persona... allowed) {
            Expect expect = new Expect();
            for (Persona persona : Persona.values()) {
                expect.statuses.put(persona, persona == Persona.ANONYMOUS ? 401 : 403);
            }
            for (Persona persona : allowed) {
                expect.statuses.put(persona, status);
            }
            return expect;
        }

        /** This persona gets another status than the rule above says. */
        public Expect but(Persona persona, int status) {
            statuses.put(persona, status);
            return this;
        }
    }

    private record Row(String endpoint, Function<Persona, HttpCall> call, Expect expect) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /**
     * A row for an endpoint named as {@code "POST /api/clubs"}, or with the media type it consumes
     * when one path has several ({@code "POST /api/clubs/import text/csv"}).
     */
    public AuthorizationMatrix row(String endpoint, Function<Persona, HttpCall> call, Expect expect) {
        rows.put(endpoint, new Row(endpoint, call, expect));
        return this;
    }

    public AuthorizationMatrix row(String endpoint, HttpCall call, Expect expect) {
        return row(endpoint, persona -> call, expect);
    }

    /** The API description and health (status only on the public port), open to everyone in every app. */
    public AuthorizationMatrix withPlatformEndpoints() {
        row("GET /actuator/health", HttpCall.get("/actuator/health"), Expect.everyone(200));
        row("GET /actuator/health/{group}", HttpCall.get("/actuator/health/readiness"), Expect.everyone(200));
        row("GET /v3/api-docs", HttpCall.get("/v3/api-docs"), Expect.everyone(200));
        row("GET /v3/api-docs.yaml", HttpCall.get("/v3/api-docs.yaml"), Expect.everyone(200));
        return this;
    }

    /**
     * Checks that the rows cover exactly the app's endpoints, then calls each as each persona.
     * Returns the number of cells checked.
     */
    public int verify(RequestMappingHandlerMapping mappings, HttpProbe probe) {
        TreeSet<String> endpoints = endpointsOf(mappings);
        assertThat(rows.keySet()).as("rows of the authorization matrix: every endpoint needs one, and no more")
                .containsExactlyInAnyOrderElementsOf(endpoints);

        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder("| endpoint |");
        for (Persona persona : Persona.values()) {
            table.append(' ').append(persona.name().toLowerCase().replace('_', '-')).append(" |");
        }
        table.append('\n').append("|---|").append("---|".repeat(Persona.values().length)).append('\n');
        int cells = 0;
        for (Row row : rows.values()) {
            table.append("| ").append(row.endpoint()).append(" |");
            for (Persona persona : Persona.values()) {
                HttpCall call = row.call().apply(persona);
                int expected = row.expect().statuses.get(persona);
                HttpProbe.Response response = persona.on(probe).send(call);
                cells++;
                table.append(' ').append(response.status()).append(" |");
                if (response.status() != expected) {
                    wrong.add(row.endpoint() + " as " + persona + ": expected " + expected + ", got "
                            + response.status() + " " + response.body());
                }
                if (response.status() >= 400) {
                    assertThat(response.contentType()).as(row.endpoint() + " as " + persona)
                            .startsWith("application/problem+json");
                }
            }
            table.append('\n');
        }
        System.out.println("Authorization matrix (" + cells + " cells):\n" + table);
        assertThat(wrong).as("cells of the authorization matrix that differ").isEmpty();
        return cells;
    }

    static TreeSet<String> endpointsOf(RequestMappingHandlerMapping mappings) {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // the container's error page, rendered on an ERROR dispatch
                }
                var methods = info.getMethodsCondition().getMethods();
                var consumes = info.getConsumesCondition().getConsumableMediaTypes();
                List<String> methodNames = methods.isEmpty() ? List.of("ANY")
                        : methods.stream().map(Enum::name).sorted().toList();
                for (String method : methodNames) {
                    boolean shared = mappings.getHandlerMethods().keySet().stream().filter(other -> other != info)
                            .anyMatch(other -> other.getPatternValues().contains(pattern)
                                    && other.getMethodsCondition().getMethods().equals(methods));
                    String media = shared && !consumes.isEmpty() ? " " + consumes.iterator().next() : "";
                    endpoints.add(method + " " + pattern + media);
                }
            }
        }
        return endpoints;
    }
}
