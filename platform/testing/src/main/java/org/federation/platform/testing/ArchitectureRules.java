package org.federation.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The layering every service keeps (package by feature, then domain / application / web /
 * infrastructure): the domain is plain Java, free of Spring, MongoDB, Kafka and Jackson, and it
 * depends on no other layer; the application reaches storage and brokers only through ports, never
 * the infrastructure classes behind them; controllers live in {@code web}; MongoDB and Kafka types
 * are used only in infrastructure; feature packages do not import each other in cycles. Each app checks its own classes with
 * {@link #check(String)}.
 *
 * <p>None of the rules may pass vacuously: ArchUnit fails a rule whose subject set is empty
 * ({@code archRule.failOnEmptyShould}, on by default, and never switched off here). Each rule's
 * subjects are chosen so that emptiness means the guarded structure is missing: the domain rules
 * need a {@code domain} package, the web rule a {@code web} package, the application rule an
 * {@code application} package, the controller rule a {@code @RestController}, the MongoDB and Kafka rules
 * start from the classes that use MongoDB or Kafka (a service that owns data and consumes topics
 * has them, and they must sit in {@code infrastructure}), and the cycle rule needs feature
 * packages. {@code ArchitectureRulesTest} shows each rule failing on a deliberate violation.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** MongoDB's driver, BSON and Spring Data MongoDB: persistence belongs in infrastructure. */
    static final String[] MONGODB = {"org.springframework.data.mongodb..", "com.mongodb..", "org.bson.."};

    /**
     * Kafka, Spring Kafka, Spring Cloud Stream and the Spring {@code Message} a bound consumer
     * receives: the topics are reached only from infrastructure.
     */
    static final String[] MESSAGING = {"org.apache.kafka..", "org.springframework.kafka..",
            "org.springframework.cloud.stream..", "org.springframework.messaging.."};

    static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta..")
            .as("the domain is plain Java (no Spring, MongoDB, Kafka, Jackson or Jakarta types)");

    static final ArchRule DOMAIN_DEPENDS_ON_NO_OTHER_LAYER = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..web..", "..infrastructure..")
            .as("the domain depends on no application, web or infrastructure code");

    static final ArchRule WEB_DOES_NOT_REACH_INTO_INFRASTRUCTURE = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..infrastructure..")
            .as("controllers go through the application or the domain's ports, not the infrastructure");

    static final ArchRule APPLICATION_DOES_NOT_DEPEND_ON_INFRASTRUCTURE = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("..infrastructure..")
            .as("the application works through ports (interfaces it or the domain owns), not the infrastructure that"
                    + " implements them");

    /** Spring's {@code @RestController}, named so that this module needs no Spring Web on its class path. */
    static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";

    static final ArchRule CONTROLLERS_LIVE_IN_WEB = classes().that().areAnnotatedWith(REST_CONTROLLER)
            .should().resideInAPackage("..web..")
            .as("controllers (@RestController) live in a feature's web package");

    static final ArchRule MONGODB_ONLY_IN_INFRASTRUCTURE = classes().that(use("MongoDB", MONGODB))
            .should().resideInAPackage("..infrastructure..")
            .as("MongoDB types (MongoTemplate, Criteria, Document, ...) are used only in infrastructure");

    static final ArchRule MESSAGING_ONLY_IN_INFRASTRUCTURE = classes().that(use("Kafka or Spring Cloud Stream", MESSAGING))
            .should().resideInAPackage("..infrastructure..")
            .as("Kafka and Spring Cloud Stream types are used only in infrastructure");

    /** The classes with a dependency on a class in one of {@code packages}. */
    static DescribedPredicate<JavaClass> use(String what, String... packages) {
        DescribedPredicate<JavaClass> inPackages = JavaClass.Predicates.resideInAnyPackage(packages);
        return DescribedPredicate.describe("use " + what, javaClass -> javaClass.getDirectDependenciesFromSelf().stream()
                .anyMatch(dependency -> inPackages.test(dependency.getTargetClass())));
    }

    /**
     * The feature packages directly under {@code basePackage} ({@code org.federation.x.(*)..})
     * do not import each other in cycles: a cycle means two features are one, or a shared
     * fact sits in the wrong one.
     */
    static ArchRule featuresFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .as("the feature packages under " + basePackage + " are free of cycles");
    }

    /** Every rule {@link #check(String)} runs for a service rooted at {@code basePackage}. */
    static List<ArchRule> rules(String basePackage) {
        return List.of(DOMAIN_IS_PLAIN_JAVA, DOMAIN_DEPENDS_ON_NO_OTHER_LAYER, WEB_DOES_NOT_REACH_INTO_INFRASTRUCTURE,
                APPLICATION_DOES_NOT_DEPEND_ON_INFRASTRUCTURE, CONTROLLERS_LIVE_IN_WEB, MONGODB_ONLY_IN_INFRASTRUCTURE,
                MESSAGING_ONLY_IN_INFRASTRUCTURE, featuresFreeOfCycles(basePackage));
    }

    /**
     * Checks the production classes under {@code basePackage} against every rule; throws one
     * AssertionError naming each rule that failed and its violations (all rules run, so one
     * run shows everything that is wrong).
     */
    public static void check(String basePackage) {
        check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage), basePackage);
    }

    /** {@link #check(String)} on classes already imported (the rules' own test imports fixtures). */
    static void check(JavaClasses classes, String basePackage) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules(basePackage)) {
            try {
                EvaluationResult result = rule.evaluate(classes);
                if (result.hasViolation()) {
                    failures.add(result.getFailureReport().toString());
                }
            } catch (AssertionError empty) {
                // failOnEmptyShould: the rule found nothing to check, which counts as a failure
                failures.add(empty.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join(System.lineSeparator() + System.lineSeparator(), failures));
        }
    }
}
