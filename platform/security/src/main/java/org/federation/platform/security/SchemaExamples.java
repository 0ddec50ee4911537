package org.federation.platform.security;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;

/**
 * An example value built from a JSON schema of an API description (its {@code $ref}s resolved
 * against the description's components): what a portal developer copies to start a request.
 * Enumerations give their first value, formats a value of that format, numbers their minimum.
 */
final class SchemaExamples {

    private static final int DEPTH = 8;

    private final Map<String, Schema> components;

    SchemaExamples(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
    }

    Object of(Schema<?> schema) {
        return of(schema, 0);
    }

    @SuppressWarnings("unchecked")
    private Object of(Schema<?> schema, int depth) {
        if (schema == null || depth > DEPTH) {
            return null;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return of(components.get(name), depth + 1);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        for (List<Schema> alternatives : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (alternatives != null && !alternatives.isEmpty()) {
                return of(alternatives.get(0), depth + 1);
            }
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().stream()
                        .filter(t -> !"null".equals(t)).findFirst().orElse(null)
                : schema.getProperties() != null ? "object" : null;
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "object" -> {
                Map<String, Object> example = new LinkedHashMap<>();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((name, property) -> example.put(name, of(property, depth + 1)));
                }
                yield example;
            }
            case "array" -> {
                List<Object> example = new ArrayList<>();
                Object item = of(schema.getItems(), depth + 1);
                if (item != null) {
                    example.add(item);
                }
                yield example;
            }
            case "integer" -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE).toBigInteger().longValue() : 1L;
            case "number" -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE) : BigDecimal.ONE;
            case "boolean" -> true;
            default -> string(schema.getFormat());
        };
    }

    private static String string(String format) {
        if (format == null) {
            return "string";
        }
        return switch (format) {
            case "date" -> "2026-09-01";
            case "date-time" -> "2026-09-01T08:00:00Z";
            case "time" -> "08:00:00";
            case "email" -> "student@example.edu.cn";
            case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
            case "uri", "url" -> "https://example.edu.cn/";
            case "byte" -> "ZXhhbXBsZQ==";
            default -> "string";
        };
    }
}
