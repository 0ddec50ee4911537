package org.federation.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Reads a running service's API description ({@code /v3/api-docs}) with an OpenAPI parser and
 * checks what a portal developer relies on: the document is valid, and every operation states its
 * security (the bearer JWT, or public), the problem details it can answer with (as
 * {@code application/problem+json} with a schema), 401 and 403 when it needs a token, and an
 * example for its request body.
 */
public final class ApiDescriptionCheck {

    private static final String BEARER = "bearer-jwt";

    private ApiDescriptionCheck() {
    }

    /** Checks the description served by {@code app}; returns the number of operations checked. */
    public static int verify(HttpProbe app) {
        HttpProbe.Response docs = app.get("/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        return verify(docs.body());
    }

    /** Checks an API description given as JSON or YAML; returns the number of operations checked. */
    public static int verify(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(parsed.getMessages()).as("the OpenAPI parser's complaints").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api).isNotNull();
        assertThat(api.getComponents() == null || api.getComponents().getSecuritySchemes() == null ? null
                : api.getComponents().getSecuritySchemes().get(BEARER)).as("the bearer JWT security scheme").isNotNull();
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String name = entry.getKey() + " " + path.getKey();
                wrong.addAll(problemsOf(name, entry.getValue()));
            }
        }
        assertThat(wrong).as("operations not fully described (" + wrong.size() + ")").isEmpty();
        return operations;
    }

    private static List<String> problemsOf(String name, Operation operation) {
        List<String> wrong = new ArrayList<>();
        List<SecurityRequirement> security = operation.getSecurity();
        boolean secured = security != null && !security.isEmpty() && security.stream().noneMatch(Map::isEmpty);
        boolean open = security != null && security.stream().anyMatch(Map::isEmpty);
        if (security == null || security.isEmpty() || !(secured || open)) {
            wrong.add(name + ": no security (bearer JWT or public)");
        }
        if (security != null && security.stream().flatMap(r -> r.keySet().stream()).anyMatch(s -> !BEARER.equals(s))) {
            wrong.add(name + ": an unknown security scheme " + security);
        }
        Map<String, ApiResponse> responses = operation.getResponses() == null ? Map.of() : operation.getResponses();
        List<String> errors = responses.keySet().stream().filter(code -> code.startsWith("4")).toList();
        if (errors.isEmpty()) {
            wrong.add(name + ": no error response");
        }
        for (String code : errors) {
            ApiResponse response = responses.get(code);
            MediaType problem = response.getContent() == null ? null : response.getContent().get("application/problem+json");
            if (problem == null || problem.getSchema() == null) {
                wrong.add(name + ": " + code + " is not described as application/problem+json with a schema");
            }
        }
        if (secured && !responses.keySet().containsAll(Set.of("401", "403"))) {
            wrong.add(name + ": needs a token but does not say 401 and 403");
        }
        if (operation.getRequestBody() != null) {
            if (operation.getRequestBody().getContent() == null || operation.getRequestBody().getContent().isEmpty()) {
                wrong.add(name + ": a request body without content");
            } else {
                operation.getRequestBody().getContent().forEach((type, media) -> {
                    if (media.getSchema() == null) {
                        wrong.add(name + ": request body " + type + " has no schema");
                    }
                    if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
                        wrong.add(name + ": request body " + type + " has no example");
                    }
                });
            }
        }
        return wrong;
    }
}
