package org.federation.platform.idempotency;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/** Describes the optional {@code Idempotency-Key} header on every command of an API description. */
final class IdempotencyOpenApi {

    private final String description;

    IdempotencyOpenApi(Duration retention) {
        this.description = "Optional. A unique key (1-255 printable ASCII characters, e.g. a UUID) that makes this "
                + "command safe to retry: a retry with the same key and the same request gets the first response "
                + "again (marked `Idempotent-Replayed: true`) without running the command twice. Keys are kept per "
                + "caller for " + readable(retention) + " after success; a refused request (not 2xx) releases its key. "
                + "400 for an invalid key, 422 if the key was used for a different request, 409 (with Retry-After) "
                + "while the key's first request is still running.";
    }

    static String readable(Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + " hours";
        }
        if (duration.toSeconds() % 60 == 0) {
            return duration.toMinutes() + " minutes";
        }
        return duration.toSeconds() + " seconds";
    }

    void addHeader(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        for (PathItem item : api.getPaths().values()) {
            Stream.of(item.getPost(), item.getPut(), item.getPatch(), item.getDelete()).filter(Objects::nonNull)
                    .forEach(this::addHeader);
        }
    }

    private void addHeader(Operation operation) {
        boolean present = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && IdempotencyKeys.HEADER.equalsIgnoreCase(p.getName()));
        if (!present) {
            operation.addParametersItem(new HeaderParameter().name(IdempotencyKeys.HEADER).required(false)
                    .description(description)
                    .schema(new StringSchema().minLength(1).maxLength(IdempotencyKeys.MAX_LENGTH).pattern("^[ -~]+$")));
        }
    }
}
