package org.federation.platform.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The one rule for development defaults (design, HTTP section): a secret or other setting a
 * service cannot run without has no default, except under the {@code local} profile (the local
 * platform and the tests), whose profile section in the service's file supplies a development
 * value. Under any other profile a service missing one stops at start, when its context refreshes
 * and before any bean is made, naming the setting and its environment variable.
 *
 * <p>What is required is declared, not coded: lists under {@code federation.required-settings.*}
 * ({@code platform} in {@code federation-platform.yaml}, {@code service} in the service's own
 * file; a feature may add a list of its own), each entry a property name. A blank value counts as
 * missing ({@code ${X:}} resolves to ""). Adding a secret is two lines: its name in the list, and
 * its development value in the service's {@code local} profile section. {@code infra/k8s}'s
 * manifest test reads the same lists to check every required setting is set in the cluster.
 */
public class RequiredSettings implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    /** The prefix of the lists of required property names. */
    public static final String PROPERTY = "federation.required-settings";

    /** The profile of the local platform and the tests, the only one with development defaults. */
    public static final String LOCAL = "local";

    /**
     * Checks when the context refreshes, as its first bean factory post-processor: every property
     * source is there by then (the files, the environment, a test's dynamic properties) and no
     * bean has been made yet.
     */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor((BeanFactoryPostProcessor) beanFactory -> check(context.getEnvironment()));
    }

    /** Stops (throws) if a required setting is missing, unless the {@code local} profile is active. */
    public static void check(ConfigurableEnvironment environment) {
        if (environment.matchesProfiles(LOCAL)) {
            // the local platform and the tests: development defaults, and whatever a test leaves out on purpose
            return;
        }
        List<String> missing = missing(environment);
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing, Arrays.asList(environment.getActiveProfiles()));
        }
    }

    /** The required settings that have no non-blank value in {@code environment}. */
    public static List<String> missing(ConfigurableEnvironment environment) {
        List<String> missing = new ArrayList<>();
        for (String name : required(environment)) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** Every required property name declared under {@code federation.required-settings.*}. */
    public static List<String> required(ConfigurableEnvironment environment) {
        Bindable<Map<String, List<String>>> lists = Bindable.of(ResolvableType.forClassWithGenerics(Map.class,
                ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(List.class, String.class)));
        Map<String, List<String>> declared = Binder.get(environment).bind(PROPERTY, lists).orElse(Map.of());
        TreeSet<String> names = new TreeSet<>();
        declared.values().forEach(names::addAll);
        return List.copyOf(names);
    }

    /** The environment variable Spring Boot reads a property from (relaxed binding). */
    public static String environmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** A service started without settings it requires. */
    public static class MissingSettingsException extends IllegalStateException {
        MissingSettingsException(List<String> missing, List<String> profiles) {
            super("Required settings missing: " + String.join(", ", missing.stream()
                    .map(name -> name + " (environment variable " + environmentVariable(name) + ")").toList())
                    + ". They have development defaults only under the 'local' profile; active profiles: "
                    + (profiles.isEmpty() ? "none" : profiles) + ". Set them (see docs/deploy.md).");
        }
    }
}
