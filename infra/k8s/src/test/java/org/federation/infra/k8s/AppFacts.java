package org.federation.infra.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service serves, reads and requires, taken from its sources as they are in this commit:
 * its configuration file and the platform's ({@code federation-platform.yaml}), the properties its
 * code and the platform's read ({@code @Value("${…}")}, {@code @ConfigurationProperties} prefixes),
 * its required settings ({@code federation.required-settings.*}) and its bindings.
 */
final class AppFacts {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("club-service", "event-service", "finance-service", "notification-service");

    /** Spring Boot's own settings the manifests may set (Boot reads them; they are not in our files). */
    private static final List<String> BOOT_SETTINGS = List.of("spring.profiles.active", "spring.kafka.security.protocol",
            "spring.kafka.properties.", "spring.kafka.ssl.", "management.opentelemetry.tracing.export.otlp.endpoint",
            "logging.structured.format.console");

    private static final Pattern VALUE = Pattern.compile("\\$\\{([a-zA-Z0-9.\\-\\[\\]]+)[:}]");
    /** A property name held in a constant and used as {@code "${" + NAME + ":}"}. */
    private static final Pattern NAME_CONSTANT = Pattern.compile("static final String [A-Z_]+ = \"(federation\\.[a-z0-9.\\-]+)\";");
    private static final Pattern PROPERTIES = Pattern.compile("@ConfigurationProperties\\(\\s*(?:prefix\\s*=\\s*)?\"([^\"]+)\"");

    final String service;
    final Map<String, Object> settings;
    final Set<String> readProperties = new TreeSet<>();
    final Set<String> readPrefixes = new TreeSet<>();
    final boolean sendsMail;

    AppFacts(String service) {
        this.service = service;
        String area = service.substring(0, service.indexOf('-'));
        Path app = ROOT.resolve(service).resolve(area + "-app");
        this.settings = new TreeMap<>();
        flatten("", Kustomize.loadAll(ROOT.resolve("platform/messaging/src/main/resources/federation-platform.yaml")));
        flatten("", Kustomize.loadAll(app.resolve("src/main/resources/" + service + ".yaml")));
        readProperties.addAll(settings.keySet().stream().map(k -> k.replaceAll("\\[\\d+]$", "")).toList());
        StringBuilder code = new StringBuilder();
        for (Path sources : List.of(app.resolve("src/main/java"), ROOT.resolve("platform/messaging/src/main/java"),
                ROOT.resolve("platform/web/src/main/java"), ROOT.resolve("platform/persistence/src/main/java"),
                ROOT.resolve("platform/kernel/src/main/java"),
                ROOT.resolve("platform/security/src/main/java"), ROOT.resolve("platform/printing/src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    code.append(text);
                    Matcher value = VALUE.matcher(text);
                    while (value.find()) {
                        readProperties.add(value.group(1));
                    }
                    Matcher constant = NAME_CONSTANT.matcher(text);
                    while (constant.find()) {
                        readProperties.add(constant.group(1));
                    }
                    Matcher properties = PROPERTIES.matcher(text);
                    while (properties.find()) {
                        Matcher record = RECORD.matcher(text);
                        if (record.find(properties.end())) {
                            components(text, properties.group(1), record.group(1));
                        } else {
                            readPrefixes.add(properties.group(1) + ".");
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.sendsMail = code.indexOf("JavaMailSender") >= 0;
        // a required setting is read by definition (RequiredSettings checks it before anything else)
        readProperties.addAll(requiredSettings());
    }

    /**
     * The properties of a {@code @ConfigurationProperties} record: one per component
     * ({@code prefix.kebab-name}); a component whose type is a record of the same file is followed
     * into; a collection or other type allows any property below its name.
     */
    private void components(String text, String prefix, String recordName) {
        int open = text.indexOf('(', text.indexOf("record " + recordName));
        int depth = 0;
        int close = open;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                close = i;
                break;
            }
        }
        String parameters = text.substring(open + 1, close).replaceAll("@\\w+(\\([^)]*\\))?", "");
        List<String> parts = new ArrayList<>();
        int angle = 0;
        StringBuilder current = new StringBuilder();
        for (char c : parameters.toCharArray()) {
            angle += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && angle == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        for (String part : parts) {
            String[] words = part.trim().split("\\s+");
            if (words.length < 2) {
                continue;
            }
            String name = prefix + "." + words[words.length - 1].replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            String type = String.join(" ", List.of(words).subList(0, words.length - 1));
            if (type.matches("[A-Z]\\w*") && text.contains("record " + type + "(")) {
                components(text, name, type);
            } else if (SCALARS.contains(type)) {
                readProperties.add(name);
            } else {
                readProperties.add(name);
                readPrefixes.add(name + ".");
            }
        }
    }

    private static final Set<String> SCALARS = Set.of("String", "Integer", "int", "Long", "long", "Short", "short",
            "Boolean", "boolean", "Duration", "Period", "Double", "double", "ZoneId", "LocalDate", "URI");
    private static final Pattern RECORD = Pattern.compile("record (\\w+)\\(");

    /** Settings of the default profile document(s), ignoring documents for the {@code local} profile. */
    @SuppressWarnings("unchecked")
    private void flatten(String prefix, List<Map<String, Object>> documents) {
        for (Map<String, Object> document : documents) {
            Object profile = get(document, "spring.config.activate.on-profile");
            if (profile != null) {
                continue;
            }
            flatten(prefix, (Object) document);
        }
    }

    @SuppressWarnings("unchecked")
    private void flatten(String prefix, Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey(), entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i));
            }
        } else {
            settings.put(prefix, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> document, String path) {
        Object node = document;
        for (String step : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(step);
        }
        return node;
    }

    /** The property an environment variable sets, compared the way relaxed binding does (case, '.', '-', '_' ignored). */
    static String canonical(String nameOrVariable) {
        return nameOrVariable.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Whether the app reads the setting this environment variable gives. */
    boolean reads(String variable) {
        String wanted = canonical(variable);
        if (readProperties.stream().anyMatch(p -> canonical(p).equals(wanted))) {
            return true;
        }
        List<String> prefixes = new ArrayList<>(readPrefixes);
        prefixes.addAll(BOOT_SETTINGS);
        if (sendsMail) {
            prefixes.add("spring.mail.");
        }
        return prefixes.stream().anyMatch(p -> p.endsWith(".") ? wanted.startsWith(canonical(p)) && !wanted.equals(canonical(p))
                : wanted.equals(canonical(p)));
    }

    int publicPort() {
        return Integer.parseInt(String.valueOf(settings.get("server.port")));
    }

    int managementPort() {
        return Integer.parseInt(String.valueOf(settings.get("management.server.port")));
    }

    String managementBasePath() {
        return String.valueOf(settings.getOrDefault("management.endpoints.web.base-path", "/actuator"));
    }

    /** The health groups the app defines (management.endpoint.health.group.*), served under {@code <base>/health/<group>}. */
    Set<String> healthGroups() {
        Set<String> groups = new TreeSet<>();
        for (String key : settings.keySet()) {
            if (key.startsWith("management.endpoint.health.group.")) {
                groups.add(key.substring("management.endpoint.health.group.".length()).split("\\.")[0]);
            }
        }
        return groups;
    }

    /** The settings the app cannot start without outside the local profile (RequiredSettings). */
    Set<String> requiredSettings() {
        Set<String> required = new TreeSet<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("federation.required-settings.")) {
                required.add(String.valueOf(value));
            }
        });
        return required;
    }

    /** Consumed topics by binding: destination and group (null for an anonymous consumer), DLQ enabled or not. */
    record Binding(String name, String destination, String group, boolean deadLetters) {
    }

    List<Binding> bindings() {
        Map<String, Binding> bindings = new LinkedHashMap<>();
        String prefix = "spring.cloud.stream.bindings.";
        for (String key : settings.keySet()) {
            if (key.startsWith(prefix) && key.endsWith(".destination")) {
                String name = key.substring(prefix.length(), key.length() - ".destination".length());
                Object group = settings.get(prefix + name + ".group");
                Object dlq = settings.get("spring.cloud.stream.kafka.bindings." + name + ".consumer.enable-dlq");
                boolean deadLetters = group != null && (dlq == null || Boolean.parseBoolean(String.valueOf(dlq)));
                for (String destination : String.valueOf(settings.get(key)).split(",")) {
                    bindings.put(name + "/" + destination.trim(), new Binding(name, destination.trim(),
                            group == null ? null : String.valueOf(group), deadLetters));
                }
            }
        }
        return List.copyOf(bindings.values());
    }

    int partitions() {
        return Integer.parseInt(String.valueOf(settings.get("federation.messaging.partitions")));
    }
}
