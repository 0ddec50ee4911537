package org.federation.platform.testing;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

/**
 * Checks a service's AsyncAPI document against its contract records, so the document cannot
 * drift: every event type the service declares is a message, and every message's payload
 * schema names exactly the fields of its Java record ({@code x-java-type}), nested records
 * through {@code $ref} included.
 */
public final class AsyncApiContract {

    private final Map<String, Object> document;
    private final List<String> problems = new ArrayList<>();

    private AsyncApiContract(Map<String, Object> document) {
        this.document = document;
    }

    /** Loads the document from the classpath. */
    public static AsyncApiContract load(String resource) {
        try (InputStream in = AsyncApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no AsyncAPI document at classpath:" + resource);
            }
            return new AsyncApiContract(new Yaml().load(in));
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read " + resource, e);
        }
    }

    /** The channel (topic) names the document declares. */
    public Set<String> channels() {
        Set<String> addresses = new LinkedHashSet<>();
        map(document.get("channels")).values().forEach(c -> addresses.add((String) map(c).get("address")));
        return addresses;
    }

    /**
     * Fails unless every {@code public static final String} of {@code eventTypes} is a message
     * name, and every message's payload matches its record.
     */
    public void verify(Class<?> eventTypes) throws ClassNotFoundException, IllegalAccessException {
        Map<String, Object> messages = map(map(document.get("components")).get("messages"));
        Set<String> names = new LinkedHashSet<>();
        for (Object message : messages.values()) {
            Map<String, Object> m = map(message);
            names.add((String) m.get("name"));
            Class<?> type = Class.forName((String) m.get("x-java-type"));
            compare(type, map(m.get("payload")), (String) m.get("name"));
        }
        for (Field field : eventTypes.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String type = (String) field.get(null);
                if (!names.contains(type)) {
                    problems.add("event type " + type + " (" + eventTypes.getSimpleName() + "." + field.getName()
                            + ") has no message in the AsyncAPI document");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("AsyncAPI document and contracts disagree:\n  " + String.join("\n  ", problems));
        }
    }

    private void compare(Class<?> type, Map<String, Object> schema, String where) throws ClassNotFoundException {
        schema = resolve(schema);
        if (!type.isRecord()) {
            return;
        }
        Map<String, Object> properties = map(schema.get("properties"));
        Set<String> fields = new LinkedHashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            fields.add(component.getName());
            Object property = properties.get(component.getName());
            if (property == null) {
                problems.add(where + ": field " + type.getSimpleName() + "." + component.getName() + " is not in the schema");
            } else if (component.getType().isRecord()) {
                compare(component.getType(), map(property), where + "." + component.getName());
            } else if (List.class.isAssignableFrom(component.getType())
                    && component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                compare(element, map(resolve(map(property)).get("items")), where + "." + component.getName() + "[]");
            }
        }
        for (String property : properties.keySet()) {
            if (!fields.contains(property)) {
                problems.add(where + ": schema property " + property + " is not a field of " + type.getSimpleName());
            }
        }
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        Map<String, Object> node = document;
        for (String part : ((String) ref).substring(2).split("/")) {
            node = map(node.get(part));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
