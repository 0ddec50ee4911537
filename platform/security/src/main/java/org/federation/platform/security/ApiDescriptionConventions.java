package org.federation.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Completes every operation of a service's API description the same way, from what the platform
 * already decides for it, so that 200-odd operations need no annotations: its security (the bearer
 * JWT, or public when the app's {@link PublicEndpoints} open it), the problem details
 * ({@code application/problem+json}) it can answer with, and an example for its request body
 * built from the body's schema. What a controller documents itself is kept.
 *
 * <p>Which problems apply follows the platform's rules: a token is checked (401) and rights are
 * decided per service (403) on every secured operation; anonymous calls are rate-limited (429);
 * parameters and bodies are validated (400, 422 for a broken rule); a path naming a record may
 * not find it (404); a command may meet a state that forbids it (409), and the optional
 * {@code Idempotency-Key} reused for another request is a 422 too; a body may be too large (413)
 * or of another media type (415); a money-moving command without its key is a 428.
 */
public final class ApiDescriptionConventions {

    /** The name of the bearer-token security scheme in {@code components.securitySchemes}. */
    public static final String BEARER = "bearer-jwt";
    /** The name of the problem-details schema in {@code components.schemas}. */
    public static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("400", "Bad Request: a malformed body, a value of the wrong type or an invalid parameter"),
            Map.entry("401", "Unauthorized: no bearer token, or one that is expired, not for this platform or not signed by its issuer"),
            Map.entry("403", "Forbidden: the caller's roles or club rights do not allow this"),
            Map.entry("404", "Not Found: no such record"),
            Map.entry("409", "Conflict: the record's state does not allow this now (the problem names the state and the allowed actions), or the Idempotency-Key's first request is still running"),
            Map.entry("413", "Content Too Large: the request body exceeds the service's limit"),
            Map.entry("415", "Unsupported Media Type: the body is not application/json"),
            Map.entry("422", "Unprocessable Content: a field breaks a rule of the federation, or the Idempotency-Key was used for another request"),
            Map.entry("428", "Precondition Required: this command moves money and needs an Idempotency-Key"),
            Map.entry("429", "Too Many Requests: an allowance is used up; Retry-After says when to try again"));

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("400", "urn:federation:problem:validation"), Map.entry("401", "about:blank"),
            Map.entry("403", "urn:federation:problem:forbidden"), Map.entry("404", "urn:federation:problem:not-found"),
            Map.entry("409", "urn:federation:problem:illegal-transition"), Map.entry("413", "urn:federation:problem:too-large"),
            Map.entry("415", "urn:federation:problem:unsupported-media-type"),
            Map.entry("422", "urn:federation:problem:rule-violation"),
            Map.entry("428", "urn:federation:problem:idempotency-key-required"),
            Map.entry("429", "urn:federation:problem:too-many-requests"));

    private final List<PublicEndpoints.Entry> open;

    public ApiDescriptionConventions(List<PublicEndpoints.Entry> open) {
        this.open = List.copyOf(open);
    }

    /** Completes every operation of {@code api} (an {@code OpenApiCustomizer}). */
    public void complete(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Components components = api.getComponents();
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token of the federation's sign-on (the development token "
                        + "issuer locally): subject = student or staff number, federation roles, audience = this platform."));
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        SchemaExamples examples = new SchemaExamples(components.getSchemas());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                complete(path, HttpMethod.valueOf(method.name()), operation, examples)));
    }

    private void complete(String path, HttpMethod method, Operation operation, SchemaExamples examples) {
        boolean isPublic = isPublic(method, path);
        if (operation.getSecurity() == null) {
            // an empty requirement is "no credentials needed"; a public read still accepts a token
            operation.setSecurity(isPublic ? List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER))
                    : List.of(new SecurityRequirement().addList(BEARER)));
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        boolean command = method != HttpMethod.GET && method != HttpMethod.HEAD;
        Predicate<String> inPath = in -> parameters.stream().anyMatch(p -> in.equals(p.getIn()));
        Map<String, Boolean> applies = new LinkedHashMap<>();
        applies.put("400", body || !parameters.isEmpty());
        applies.put("401", !isPublic);
        applies.put("403", !isPublic);
        applies.put("404", inPath.test("path") || path.contains("{"));
        applies.put("409", command);
        applies.put("413", body);
        applies.put("415", body);
        applies.put("422", body || command);
        applies.put("428", parameters.stream().anyMatch(p -> "header".equals(p.getIn())
                && "Idempotency-Key".equalsIgnoreCase(p.getName()) && Boolean.TRUE.equals(p.getRequired())));
        applies.put("429", isPublic);
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        applies.forEach((status, yes) -> {
            if (yes && !responses.containsKey(status)) {
                responses.addApiResponse(status, problem(status));
            }
        });
        if (body && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().stream().filter(Objects::nonNull)
                    .filter(media -> media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty()))
                    .forEach(media -> media.setExample(examples.of(media.getSchema())));
        }
    }

    boolean isPublic(HttpMethod method, String path) {
        // a path template's variables stand for any one segment
        PathContainer concrete = PathContainer.parsePath(path.replaceAll("\\{[^}/]+}", "x"));
        return open.stream().anyMatch(e -> e.method().equals(method)
                && PathPatternParser.defaultInstance.parse(e.pattern()).matches(concrete));
    }

    private static ApiResponse problem(String status) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", TYPES.get(status));
        example.put("title", TITLES.get(status).substring(0, TITLES.get(status).indexOf(':')));
        example.put("status", Integer.parseInt(status));
        example.put("detail", TITLES.get(status).substring(TITLES.get(status).indexOf(':') + 2));
        ApiResponse response = new ApiResponse().description(TITLES.get(status)).content(new Content().addMediaType(
                PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example)));
        if ("429".equals(status)) {
            response.addHeaderObject("Retry-After", new Header().description("seconds until the allowance renews")
                    .schema(new IntegerSchema()));
        }
        return response;
    }

    private static Schema<?> problemSchema() {
        ObjectSchema schema = new ObjectSchema();
        schema.description("An RFC 9457 problem detail; `type` is stable (urn:federation:problem:…). Some problems add "
                + "members: `errors` (the fields and what is wrong with them), `currentState` and `allowedActions` (409).");
        schema.addProperty("type", new StringSchema().format("uri"));
        schema.addProperty("title", new StringSchema());
        schema.addProperty("status", new IntegerSchema());
        schema.addProperty("detail", new StringSchema());
        schema.addProperty("instance", new StringSchema().format("uri"));
        schema.additionalProperties(true);
        schema.required(List.of("type", "title", "status"));
        return schema;
    }
}
