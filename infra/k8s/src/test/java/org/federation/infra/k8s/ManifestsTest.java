package org.federation.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The Kubernetes manifests (infra/k8s), rendered for each overlay ({@link Kustomize}, as
 * {@code kubectl kustomize} would) and read with the Kubernetes client's model (fabric8), checked
 * against the apps as they are in this commit ({@link AppFacts}) and against docs/security.md.
 */
class ManifestsTest {

    private static final Path K8S = Path.of(".").toAbsolutePath().normalize();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static List<HasMetadata> rendered(String overlay) {
        List<HasMetadata> resources = new ArrayList<>();
        for (Map<String, Object> resource : Kustomize.render(K8S.resolve("overlays").resolve(overlay))) {
            String yaml = new Yaml().dump(resource);
            resources.add(SERIALIZATION.unmarshal(yaml));
        }
        return resources;
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> type, String name) {
        List<T> found = resources.stream().filter(type::isInstance).map(type::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).toList();
        assertThat(found).as("%s %s", type.getSimpleName(), name).hasSize(1);
        return found.get(0);
    }

    private static List<GenericKubernetesResource> custom(List<HasMetadata> resources, String kind) {
        return resources.stream().filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast)
                .filter(r -> r.getKind().equals(kind)).toList();
    }

    /** The resource list, as {@code kubectl kustomize} prints it, for the report and the docs. */
    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void everyResourceIsAKnownKindWithNothingTheModelDoesNotKnow(String overlay) {
        List<HasMetadata> resources = rendered(overlay);
        Set<String> kinds = resources.stream().map(HasMetadata::getKind).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(List.of("ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Job", "Kafka",
                "KafkaNodePool", "KafkaTopic", "KafkaUser", "NetworkPolicy", "PodDisruptionBudget", "Service", "StatefulSet"));
        if (overlay.equals("local")) {
            expected.add("Secret");
        }
        assertThat(kinds).isEqualTo(expected);
        for (HasMetadata resource : resources) {
            if (!(resource instanceof GenericKubernetesResource)) {
                assertThat(unknownFields(resource, resource.getKind() + " " + resource.getMetadata().getName()))
                        .as("fields the Kubernetes model does not know (a typo is silently ignored by a lenient reader)")
                        .isEmpty();
            }
            assertThat(resource.getMetadata().getNamespace()).isEqualTo(overlay.equals("local") ? "federation-local" : "federation");
        }
        System.out.println(overlay + ": " + resources.size() + " resources\n" + resources.stream()
                .map(r -> "  " + r.getKind() + "/" + r.getMetadata().getName()).collect(Collectors.joining("\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void deploymentsServeWhatTheAppsServeReadWhatTheyReadAndSetWhatTheyRequire(String overlay) {
        List<HasMetadata> resources = rendered(overlay);
        for (String service : AppFacts.SERVICES) {
            AppFacts app = new AppFacts(service);
            Deployment deployment = one(resources, Deployment.class, service);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, Integer> ports = container.getPorts().stream()
                    .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
            assertThat(ports).as(service + " container ports").containsExactlyInAnyOrderEntriesOf(
                    Map.of("http", app.publicPort(), "management", app.managementPort()));

            // probes: the health groups on the management port
            for (Probe probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())) {
                assertThat(port(probe.getHttpGet().getPort(), ports)).as(service + " probe port").isEqualTo(app.managementPort());
                String path = probe.getHttpGet().getPath();
                assertThat(path).startsWith(app.managementBasePath() + "/health/");
                assertThat(app.healthGroups()).as(service + " health groups").contains(path.substring(path.lastIndexOf('/') + 1));
            }
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).endsWith("/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).endsWith("/readiness");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");

            // every variable is one the app reads; every required setting is set
            Map<String, String> environment = environment(resources, container);
            for (String variable : environment.keySet()) {
                assertThat(app.reads(variable)).as(service + " reads " + variable).isTrue();
            }
            Set<String> set = environment.keySet().stream().map(AppFacts::canonical).collect(Collectors.toSet());
            for (String required : app.requiredSettings()) {
                assertThat(set).as(service + " sets its required " + required).contains(AppFacts.canonical(required));
            }
            assertThat(app.requiredSettings()).contains("federation.security.issuer");
            assertThat(environment).containsEntry("FEDERATION_MESSAGING_TOPICS_CREATE", "false")
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isNotEqualTo("local");
            secretsExist(overlay, resources, container);

            // public Service: the public port only; the management port on a Service of its own
            Service publicService = one(resources, Service.class, service);
            assertThat(publicService.getSpec().getPorts()).hasSize(1);
            assertThat(port(publicService.getSpec().getPorts().get(0).getTargetPort(), ports)).isEqualTo(app.publicPort());
            Service management = one(resources, Service.class, service + "-management");
            assertThat(port(management.getSpec().getPorts().get(0).getTargetPort(), ports)).isEqualTo(app.managementPort());

            // scale: never more instances than partitions (an instance beyond would get none)
            HorizontalPodAutoscaler hpa = one(resources, HorizontalPodAutoscaler.class, service);
            int partitions = app.partitions();
            assertThat(hpa.getSpec().getMaxReplicas()).isLessThanOrEqualTo(partitions);
            assertThat(deployment.getSpec().getReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas())
                    .isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
            if (overlay.equals("production")) {
                assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
            }
            one(resources, PodDisruptionBudget.class, service);

            // network: in from the ingress controller (public port) and the scraper (management port) only
            NetworkPolicy policy = one(resources, NetworkPolicy.class, service);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            Set<Integer> inPorts = policy.getSpec().getIngress().stream().flatMap(r -> r.getPorts().stream())
                    .map(p -> p.getPort().getIntVal()).collect(Collectors.toSet());
            assertThat(inPorts).containsExactlyInAnyOrder(app.publicPort(), app.managementPort());
            Set<Integer> outPorts = policy.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream())
                    .map(p -> p.getPort().getIntVal()).collect(Collectors.toSet());
            assertThat(outPorts).as(service + " egress: DNS, Kafka, MongoDB, sign-on, traces")
                    .contains(53, 9093, 27017, 443, 4318);
            if (app.sendsMail) {
                assertThat(outPorts).as("SMTP and webhooks").contains(587, 80);
            } else {
                assertThat(outPorts).doesNotContain(587, 80);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void everyTopicAndDeadLetterTopicTheAppsUseIsAKafkaTopic(String overlay) {
        List<HasMetadata> resources = rendered(overlay);
        Map<String, Map<String, Object>> topics = new TreeMap<>();
        for (GenericKubernetesResource topic : custom(resources, "KafkaTopic")) {
            topics.put((String) spec(topic).get("topicName"), spec(topic));
        }
        Map<String, Object> brokerConfig = Kustomize.map(spec(custom(resources, "Kafka").get(0)).get("kafka"));
        int brokers = ((Number) spec(custom(resources, "KafkaNodePool").get(0)).get("replicas")).intValue();
        Set<String> used = new TreeSet<>();
        for (String service : AppFacts.SERVICES) {
            AppFacts app = new AppFacts(service);
            used.addAll(published(service));
            for (AppFacts.Binding binding : app.bindings()) {
                used.add(binding.destination());
                if (binding.deadLetters()) {
                    used.add(binding.destination() + "." + binding.group() + ".dlq");
                }
            }
            // an instance beyond the partition count of what it consumes would get no partition
            for (AppFacts.Binding binding : app.bindings()) {
                assertThat(one(resources, HorizontalPodAutoscaler.class, service).getSpec().getMaxReplicas())
                        .isLessThanOrEqualTo(((Number) topics.get(binding.destination()).get("partitions")).intValue());
            }
        }
        assertThat(topics.keySet()).as("a KafkaTopic for every topic and DLQ the apps use, and no other").isEqualTo(used);
        for (Map.Entry<String, Map<String, Object>> topic : topics.entrySet()) {
            Map<String, Object> config = Kustomize.map(topic.getValue().get("config"));
            int replicas = ((Number) topic.getValue().get("replicas")).intValue();
            assertThat(replicas).as(topic.getKey() + " replicas").isEqualTo(overlay.equals("production") ? 3 : 1)
                    .isLessThanOrEqualTo(brokers);
            assertThat(String.valueOf(config.get("min.insync.replicas"))).isEqualTo(overlay.equals("production") ? "2" : "1");
            assertThat(((Number) topic.getValue().get("partitions")).intValue()).isEqualTo(6);
            assertThat(String.valueOf(config.get("cleanup.policy"))).isEqualTo("delete");
            // owner topics keep their history, dead letters 14 days (docs/messaging.md, "Retention")
            assertThat(String.valueOf(config.get("retention.ms"))).as(topic.getKey() + " retention")
                    .isEqualTo(topic.getKey().endsWith(".dlq") ? Long.toString(14L * 24 * 3600 * 1000) : "-1");
        }
        assertThat(String.valueOf(Kustomize.map(brokerConfig.get("config")).get("auto.create.topics.enable"))).isEqualTo("false");
    }

    /** Each KafkaUser's ACLs are exactly the row of docs/security.md's table for its service. */
    @Test
    void kafkaUsersMatchTheAclTableInDocsSecurity() throws IOException {
        Map<String, Map<String, Set<String>>> documented = documentedAcls();
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(AppFacts.SERVICES);
        List<HasMetadata> resources = rendered("production");
        for (GenericKubernetesResource user : custom(resources, "KafkaUser")) {
            String service = user.getMetadata().getName();
            Map<String, Object> authorization = Kustomize.map(spec(user).get("authorization"));
            assertThat(Kustomize.map(spec(user).get("authentication")).get("type")).isEqualTo("scram-sha-512");
            Map<String, Set<String>> actual = new TreeMap<>();
            for (Object entry : Kustomize.list(authorization.get("acls"))) {
                Map<String, Object> acl = Kustomize.map(entry);
                Map<String, Object> resource = Kustomize.map(acl.get("resource"));
                String key = resource.get("type") + ":" + resource.get("name")
                        + ("prefix".equals(resource.get("patternType")) ? "*" : "");
                for (Object operation : Kustomize.list(acl.get("operations"))) {
                    actual.computeIfAbsent(key, k -> new TreeSet<>()).add(String.valueOf(operation));
                }
            }
            assertThat(actual).as("ACLs of " + service).isEqualTo(documented.get(service));
        }
        assertThat(custom(resources, "KafkaUser")).hasSize(4);
    }

    /**
     * docs/security.md's table: Write (+Describe) on the topics of the second column, Read (+Describe)
     * on those of the third ("its … DLQs" = the DLQs of the second), Read on the groups of the fourth
     * ("prefixed `x`" = a prefix). Create and AlterConfigs are not granted: production topics are the cluster's.
     */
    private static Map<String, Map<String, Set<String>>> documentedAcls() throws IOException {
        Map<String, Map<String, Set<String>>> acls = new TreeMap<>();
        Pattern row = Pattern.compile("^\\| `User:([a-z-]+)` \\|(.*)\\|(.*)\\|(.*)\\|$");
        Pattern name = Pattern.compile("(prefixed )?`([^`]+)`");
        for (String line : Files.readAllLines(AppFacts.ROOT.resolve("docs/security.md"))) {
            Matcher m = row.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Map<String, Set<String>> user = new TreeMap<>();
            List<String> written = names(name, m.group(2));
            for (String topic : written) {
                add(user, "topic:" + topic, "Write", "Describe");
            }
            for (String topic : names(name, m.group(3))) {
                add(user, "topic:" + topic, "Read", "Describe");
            }
            if (m.group(3).contains("DLQs")) {
                written.stream().filter(t -> t.endsWith(".dlq")).forEach(t -> add(user, "topic:" + t, "Read", "Describe"));
            }
            Matcher groups = name.matcher(m.group(4).replaceAll("\\(.*?\\)", ""));
            while (groups.find()) {
                add(user, "group:" + groups.group(2) + (groups.group(1) != null ? "*" : ""), "Read");
            }
            acls.put(m.group(1), user);
        }
        return acls;
    }

    private static List<String> names(Pattern name, String cell) {
        List<String> names = new ArrayList<>();
        Matcher m = name.matcher(cell);
        while (m.find()) {
            names.add(m.group(2));
        }
        return names;
    }

    private static void add(Map<String, Set<String>> acls, String resource, String... operations) {
        acls.computeIfAbsent(resource, k -> new TreeSet<>()).addAll(List.of(operations));
    }

    /** What a service publishes: the channels of its own AsyncAPI contract. */
    private static Set<String> published(String service) {
        String area = service.substring(0, service.indexOf('-'));
        Map<String, Object> contract = Kustomize.loadOne(AppFacts.ROOT.resolve(service).resolve(area + "-contracts")
                .resolve("src/main/resources/asyncapi/" + service + ".yaml"));
        Set<String> topics = new TreeSet<>();
        Kustomize.map(contract.get("channels")).values().forEach(c -> topics.add((String) Kustomize.map(c).get("address")));
        return topics;
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void kafkaAndMongoDbAreReplicated(String overlay) {
        List<HasMetadata> resources = rendered(overlay);
        int brokers = ((Number) spec(custom(resources, "KafkaNodePool").get(0)).get("replicas")).intValue();
        StatefulSet mongo = one(resources, StatefulSet.class, "mongodb");
        if (overlay.equals("production")) {
            assertThat(brokers).isEqualTo(3);
            assertThat(mongo.getSpec().getReplicas()).isEqualTo(3);
            Map<String, Object> config = Kustomize.map(Kustomize.map(spec(custom(resources, "Kafka").get(0)).get("kafka")).get("config"));
            assertThat(config).containsEntry("min.insync.replicas", 2).containsEntry("default.replication.factor", 3);
        }
        assertThat(mongo.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).contains("--replSet");
        Map<String, Object> listener = Kustomize.map(Kustomize.list(Kustomize.map(spec(custom(resources, "Kafka").get(0))
                .get("kafka")).get("listeners")).get(0));
        assertThat(listener).containsEntry("port", 9093).containsEntry("tls", true);
        assertThat(Kustomize.map(listener.get("authentication"))).containsEntry("type", "scram-sha-512");
    }

    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return Kustomize.map(resource.getAdditionalProperties().get("spec"));
    }

    private static int port(IntOrString port, Map<String, Integer> named) {
        return port.getIntVal() != null ? port.getIntVal() : named.get(port.getStrVal());
    }

    /** The container's variables: its env and the keys of the ConfigMaps it takes whole (values where known). */
    private static Map<String, String> environment(List<HasMetadata> resources, Container container) {
        Map<String, String> environment = new TreeMap<>();
        container.getEnvFrom().forEach(source -> {
            ConfigMap map = one(resources, ConfigMap.class, source.getConfigMapRef().getName());
            environment.putAll(map.getData());
        });
        for (EnvVar variable : container.getEnv()) {
            environment.put(variable.getName(), variable.getValue() == null ? "(from a Secret)" : variable.getValue());
        }
        return environment;
    }

    /** Locally the Secrets are part of the overlay; in production they are the operators' (docs/deploy.md lists them). */
    private static void secretsExist(String overlay, List<HasMetadata> resources, Container container) throws AssertionError {
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null || variable.getValueFrom().getSecretKeyRef() == null) {
                continue;
            }
            String secret = variable.getValueFrom().getSecretKeyRef().getName();
            String key = variable.getValueFrom().getSecretKeyRef().getKey();
            boolean strimzi = secret.startsWith("federation-cluster-ca") || AppFacts.SERVICES.contains(secret);
            if (overlay.equals("local") && !strimzi) {
                Secret found = one(resources, Secret.class, secret);
                assertThat(found.getStringData()).as(secret).containsKey(key);
            }
            try {
                assertThat(Files.readString(AppFacts.ROOT.resolve("docs/deploy.md"))).as("docs/deploy.md names Secret " + secret)
                        .contains(secret);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Fields the model does not know land in additionalProperties: none may. */
    private static List<String> unknownFields(Object node, String where) {
        List<String> unknown = new ArrayList<>();
        walk(node, where, unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static void walk(Object node, String where, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, where + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, where + "." + k, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = method.invoke(node);
                if (method.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(where + ": " + extra.keySet());
                    }
                } else {
                    walk(value, where + "." + method.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
