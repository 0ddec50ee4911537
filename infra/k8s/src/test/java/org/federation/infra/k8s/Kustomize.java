package org.federation.infra.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders a Kustomize directory the way {@code kubectl kustomize} does for the features the
 * manifests use, so the checks run where kubectl is not installed: {@code resources} (files and
 * directories), {@code namespace}, {@code images}, {@code replicas} and inline JSON 6902
 * {@code patches} selected by kind and name. Anything else in a kustomization fails the rendering
 * rather than being silently ignored.
 */
final class Kustomize {

    private static final List<String> SUPPORTED = List.of("apiVersion", "kind", "resources", "namespace", "images",
            "replicas", "patches");

    private Kustomize() {
    }

    /** The rendered resources of the kustomization in {@code directory}, as YAML maps. */
    static List<Map<String, Object>> render(Path directory) {
        Map<String, Object> kustomization = loadOne(directory.resolve("kustomization.yaml"));
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(directory + ": kustomization field '" + key + "' is not supported by"
                        + " this renderer; extend Kustomize or keep the manifests plain");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path path = directory.resolve((String) entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                resources.addAll(loadAll(path));
            }
        }
        for (Object patch : list(kustomization.get("patches"))) {
            applyPatch(resources, map(patch));
        }
        for (Object replicas : list(kustomization.get("replicas"))) {
            Map<String, Object> r = map(replicas);
            boolean found = false;
            for (Map<String, Object> resource : resources) {
                String kind = (String) resource.get("kind");
                if (r.get("name").equals(name(resource)) && List.of("Deployment", "StatefulSet").contains(kind)) {
                    map(resource.get("spec")).put("replicas", r.get("count"));
                    found = true;
                }
            }
            require(found, "replicas: no Deployment or StatefulSet " + r.get("name"));
        }
        for (Object image : list(kustomization.get("images"))) {
            Map<String, Object> i = map(image);
            boolean found = false;
            for (Map<String, Object> container : containers(resources)) {
                String current = (String) container.get("image");
                String name = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                String tag = current.contains(":") ? current.substring(current.lastIndexOf(':') + 1) : "latest";
                if (name.equals(i.get("name"))) {
                    container.put("image", i.getOrDefault("newName", name) + ":" + i.getOrDefault("newTag", tag));
                    found = true;
                }
            }
            require(found, "images: no container uses " + i.get("name"));
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            for (Map<String, Object> resource : resources) {
                map(resource.get("metadata")).put("namespace", namespace);
            }
        }
        return resources;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(List<Map<String, Object>> resources) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            if (List.of("Deployment", "StatefulSet", "Job").contains(resource.get("kind"))) {
                Map<String, Object> pod = map(map(map(resource.get("spec")).get("template")).get("spec"));
                containers.addAll((List<Map<String, Object>>) (List<?>) list(pod.get("containers")));
                containers.addAll((List<Map<String, Object>>) (List<?>) list(pod.get("initContainers")));
            }
        }
        return containers;
    }

    private static void applyPatch(List<Map<String, Object>> resources, Map<String, Object> patch) {
        Map<String, Object> target = map(patch.get("target"));
        List<Object> operations = list(new Yaml(new SafeConstructor(new LoaderOptions())).load((String) patch.get("patch")));
        int matched = 0;
        for (Map<String, Object> resource : resources) {
            if (target.get("kind") != null && !target.get("kind").equals(resource.get("kind"))) {
                continue;
            }
            if (target.get("name") != null && !target.get("name").equals(name(resource))) {
                continue;
            }
            matched++;
            for (Object operation : operations) {
                apply(resource, map(operation));
            }
        }
        require(matched > 0, "patch matches nothing: " + target);
    }

    /** One JSON 6902 operation (add, replace, remove) on a path of map keys and list indexes. */
    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Object> resource, Map<String, Object> operation) {
        String[] steps = ((String) operation.get("path")).substring(1).split("/");
        Object node = resource;
        for (int i = 0; i < steps.length - 1; i++) {
            node = child(node, unescape(steps[i]));
            require(node != null, "patch path " + operation.get("path") + " not found in " + name(resource));
        }
        String last = unescape(steps[steps.length - 1]);
        String op = (String) operation.get("op");
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> parent = (Map<String, Object>) m;
            require(!op.equals("replace") || parent.containsKey(last), "replace of a missing " + operation.get("path"));
            if (op.equals("remove")) {
                parent.remove(last);
            } else {
                parent.put(last, operation.get("value"));
            }
        } else {
            List<Object> parent = (List<Object>) node;
            if (op.equals("add")) {
                parent.add(last.equals("-") ? parent.size() : Integer.parseInt(last), operation.get("value"));
            } else if (op.equals("remove")) {
                parent.remove(Integer.parseInt(last));
            } else {
                parent.set(Integer.parseInt(last), operation.get("value"));
            }
        }
    }

    private static Object child(Object node, String step) {
        if (node instanceof Map<?, ?> m) {
            return m.get(step);
        }
        return ((List<?>) node).get(Integer.parseInt(step));
    }

    private static String unescape(String step) {
        return step.replace("~1", "/").replace("~0", "~");
    }

    static String name(Map<String, Object> resource) {
        return (String) map(resource.get("metadata")).get("name");
    }

    static List<Map<String, Object>> loadAll(Path file) {
        try {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> loadOne(Path file) {
        List<Map<String, Object>> documents = loadAll(file);
        require(documents.size() == 1, file + " should hold one document");
        return documents.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? new ArrayList<>() : (List<Object>) value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
