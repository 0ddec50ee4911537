package org.federation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/** Which security and problem responses an operation gets from what the platform decides for it. */
class ApiDescriptionConventionsTest {

    private static Operation operation() {
        return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
    }

    @Test
    void aPublicReadAndAMoneyMovingCommandGetTheirSecurityProblemsAndAnExampleBody() {
        Operation publicRead = operation().addParametersItem(new PathParameter().name("id").schema(new StringSchema()));
        ObjectSchema claim = new ObjectSchema();
        claim.addProperty("amountFen", new IntegerSchema().minimum(java.math.BigDecimal.ONE));
        claim.addProperty("spentOn", new StringSchema().format("date"));
        claim.addProperty("category", new StringSchema()._enum(List.of("venue", "prizes")));
        Operation command = operation()
                .addParametersItem(new HeaderParameter().name("Idempotency-Key").required(true).schema(new StringSchema()))
                .requestBody(new RequestBody().content(new Content().addMediaType("application/json",
                        new MediaType().schema(claim))));
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/clubs/{id}", new PathItem().get(publicRead))
                .addPathItem("/api/budgets/{id}/claims", new PathItem().post(command)));

        new ApiDescriptionConventions(PublicEndpoints.reading("/api/clubs/*").entries()).complete(api);

        assertThat(api.getComponents().getSecuritySchemes()).containsKey(ApiDescriptionConventions.BEARER);
        assertThat(api.getComponents().getSchemas()).containsKey(ApiDescriptionConventions.PROBLEM);
        assertThat(publicRead.getSecurity()).as("anonymous, or with a token")
                .containsExactly(new SecurityRequirement(), new SecurityRequirement().addList("bearer-jwt"));
        assertThat(publicRead.getResponses().keySet()).containsExactlyInAnyOrder("200", "400", "404", "429");
        assertThat(command.getSecurity()).containsExactly(new SecurityRequirement().addList("bearer-jwt"));
        assertThat(command.getResponses().keySet()).containsExactlyInAnyOrder("200", "400", "401", "403", "404", "409",
                "413", "415", "422", "428");
        assertThat(command.getResponses().get("428").getContent()).containsKey("application/problem+json");
        assertThat(command.getRequestBody().getContent().get("application/json").getExample())
                .isEqualTo(Map.of("amountFen", 1L, "spentOn", "2026-09-01", "category", "venue"));
    }

    @Test
    void whatAControllerDocumentsItselfIsKept() {
        Operation documented = operation().security(List.of());
        documented.getResponses().addApiResponse("404", new ApiResponse().description("no such club"));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/clubs/{id}/lineage",
                new PathItem().get(documented)));

        new ApiDescriptionConventions(List.of()).complete(api);

        assertThat(documented.getSecurity()).isEmpty();
        assertThat(documented.getResponses().get("404").getDescription()).isEqualTo("no such club");
    }
}
