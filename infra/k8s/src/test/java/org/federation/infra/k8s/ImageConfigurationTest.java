package org.federation.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The container images as Jib will build them, read from the POMs (no registry is reachable here,
 * so the build itself is not run): a JRE base, a non-root user, the JVM's heap from the container's
 * memory limit, the app's main class, its public and management ports; and no Jib goal bound to the
 * lifecycle, so an ordinary (offline) build never needs a registry.
 */
class ImageConfigurationTest {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void everyAppImageIsAJreImageRunAsNonRootWithHeapFromTheLimitAndTheAppsPorts() throws Exception {
        Document parent = parse(AppFacts.ROOT.resolve("pom.xml"));
        Element jib = plugin(parent.getDocumentElement(), "pluginManagement", "jib-maven-plugin");
        assertThat(jib).as("jib-maven-plugin in the parent's pluginManagement").isNotNull();
        assertThat(child(jib, "executions")).as("no Jib goal bound to a lifecycle phase").isNull();

        for (String service : AppFacts.SERVICES) {
            String area = service.substring(0, service.indexOf('-'));
            Document pom = parse(AppFacts.ROOT.resolve(service).resolve(area + "-app/pom.xml"));
            Map<String, String> properties = properties(parent);
            properties.putAll(properties(pom));
            properties.put("project.version", text(parent.getDocumentElement(), "version"));
            Element used = plugin(pom.getDocumentElement(), "plugins", "jib-maven-plugin");
            assertThat(used).as(service + " uses the Jib plugin").isNotNull();
            assertThat(child(used, "executions")).as(service + ": no Jib goal bound to a lifecycle phase").isNull();
            assertThat(properties(pom)).as(service + " makes an image").containsEntry("jib.skip", "false");
            assertThat(properties(parent)).as("other modules make none").containsEntry("jib.skip", "true");

            Element configuration = child(jib, "configuration");
            Element container = child(configuration, "container");
            String base = resolve(text(child(configuration, "from"), "image"), properties);
            assertThat(base).as("a JRE base image").matches("eclipse-temurin:17(\\.[0-9.]+)?-jre.*");
            String user = resolve(text(container, "user"), properties);
            assertThat(user).as("non-root user").isNotBlank().doesNotStartWith("0").isNotEqualTo("root")
                    .matches("[1-9][0-9]*(:[1-9][0-9]*)?");
            List<String> flags = texts(child(container, "jvmFlags"), "jvmFlag", properties);
            assertThat(flags).contains("-XX:MaxRAMPercentage=75").noneMatch(f -> f.startsWith("-Xmx"));
            String mainClass = resolve(text(container, "mainClass"), properties);
            assertThat(AppFacts.ROOT.resolve(service).resolve(area + "-app/src/main/java")
                    .resolve(mainClass.replace('.', '/') + ".java")).as(service + " main class").exists();
            AppFacts app = new AppFacts(service);
            assertThat(texts(child(container, "ports"), "port", properties)).as(service + " ports")
                    .containsExactlyInAnyOrder(Integer.toString(app.publicPort()), Integer.toString(app.managementPort()));
            assertThat(resolve(text(child(configuration, "to"), "image"), properties)).endsWith("/" + service + ":0.1.0-SNAPSHOT");
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new HashMap<>();
        Element element = child(pom.getDocumentElement(), "properties");
        if (element != null) {
            for (Element property : children(element)) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return properties;
    }

    /** The plugin with this artifactId under build/{plugins|pluginManagement/plugins}. */
    private static Element plugin(Element project, String where, String artifactId) {
        Element build = child(project, "build");
        Element plugins = where.equals("pluginManagement") ? child(child(build, "pluginManagement"), "plugins")
                : child(build, "plugins");
        for (Element plugin : children(plugins)) {
            if (artifactId.equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        return null;
    }

    private static String resolve(String value, Map<String, String> properties) {
        String resolved = value;
        for (int i = 0; i < 5; i++) {
            Matcher m = PROPERTY.matcher(resolved);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = properties.get(m.group(1));
                assertThat(replacement).as("property ${%s} is defined", m.group(1)).isNotNull();
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            resolved = out.toString();
        }
        return resolved;
    }

    private static List<String> texts(Element parent, String tag, Map<String, String> properties) {
        List<String> values = new ArrayList<>();
        for (Element element : children(parent)) {
            if (element.getTagName().equals(tag)) {
                values.add(resolve(element.getTextContent().trim(), properties));
            }
        }
        return values;
    }

    private static String text(Element parent, String tag) {
        Element element = child(parent, tag);
        return element == null ? null : element.getTextContent().trim();
    }

    private static Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Element element : children(parent)) {
            if (element.getTagName().equals(tag)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }
}
