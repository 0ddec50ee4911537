package org.federation.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each of {@link ArchitectureRules}' rules fails on a deliberate violation (the fixture classes
 * under {@code archfixture.broken}, one per rule), passes on a well-layered feature
 * ({@code archfixture.clean}), and fails rather than passes vacuously where the packages it
 * guards do not exist ({@code archfixture.flat}).
 */
class ArchitectureRulesTest {

    private static final String FIXTURES = "org.federation.platform.testing.archfixture.";
    private static final String CLEAN = FIXTURES + "clean";
    private static final String BROKEN = FIXTURES + "broken";
    private static final String FLAT = FIXTURES + "flat";

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** Each fixture package imported once for all tests (an import scans the class path). */
    private static JavaClasses classesOf(String basePackage) {
        return IMPORTED.computeIfAbsent(basePackage, p -> new ClassFileImporter().importPackages(p));
    }

    private static String violations(ArchRule rule, String basePackage) {
        EvaluationResult result = rule.evaluate(classesOf(basePackage));
        assertThat(result.hasViolation()).as("%s on %s", rule.getDescription(), basePackage).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void aWellLayeredServiceKeepsEveryRule() {
        assertThatCode(() -> ArchitectureRules.check(classesOf(CLEAN), CLEAN)).doesNotThrowAnyException();
    }

    @Test
    void aSpringTypeInTheDomainIsReported() {
        assertThat(violations(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA, BROKEN))
                .contains("SpringOrder", "org.springframework.context.ApplicationContext")
                .doesNotContain("LeakyOrder");
    }

    @Test
    void aDomainReachingIntoTheApplicationIsReported() {
        assertThat(violations(ArchitectureRules.DOMAIN_DEPENDS_ON_NO_OTHER_LAYER, BROKEN))
                .contains("LeakyOrder", "broken.orders.application.OrderDesk")
                .doesNotContain("SpringOrder");
    }

    @Test
    void aControllerUsingInfrastructureIsReported() {
        assertThat(violations(ArchitectureRules.WEB_DOES_NOT_REACH_INTO_INFRASTRUCTURE, BROKEN))
                .contains("broken.orders.web.OrderController", "broken.orders.infrastructure.MongoOrders");
    }

    @Test
    void anApplicationHoldingAnInfrastructureClassIsReported() {
        assertThat(violations(ArchitectureRules.APPLICATION_DOES_NOT_DEPEND_ON_INFRASTRUCTURE, BROKEN))
                .contains("broken.orders.application.OrderClerk", "broken.orders.infrastructure.MongoOrders")
                .doesNotContain("OrderDesk", "OrderListener");
    }

    @Test
    void aControllerOutsideWebIsReported() {
        assertThat(violations(ArchitectureRules.CONTROLLERS_LIVE_IN_WEB, BROKEN))
                .contains("broken.orders.OrderApi")
                .doesNotContain("OrderController");
    }

    @Test
    void mongoDbOutsideInfrastructureIsReported() {
        assertThat(violations(ArchitectureRules.MONGODB_ONLY_IN_INFRASTRUCTURE, BROKEN))
                .contains("broken.orders.application.OrderDesk")
                .doesNotContain("OrderListener", "MongoOrders");
    }

    @Test
    void aBoundConsumerOutsideInfrastructureIsReported() {
        assertThat(violations(ArchitectureRules.MESSAGING_ONLY_IN_INFRASTRUCTURE, BROKEN))
                .contains("broken.orders.application.OrderListener")
                .doesNotContain("OrderDesk");
    }

    @Test
    void aCycleBetweenFeaturesIsReported() {
        assertThat(violations(ArchitectureRules.featuresFreeOfCycles(BROKEN), BROKEN))
                .contains("feature orders", "feature billing");
        assertThat(ArchitectureRules.featuresFreeOfCycles(CLEAN).evaluate(classesOf(CLEAN)).hasViolation())
                .as("orders -> members is one direction only").isFalse();
    }

    @Test
    void checkRunsEveryRuleAndNamesEachFailure() {
        assertThatThrownBy(() -> ArchitectureRules.check(classesOf(BROKEN), BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the domain is plain Java")
                .hasMessageContaining("the domain depends on no application, web or infrastructure code")
                .hasMessageContaining("controllers go through the application")
                .hasMessageContaining("the application works through ports")
                .hasMessageContaining("controllers (@RestController) live in a feature's web package")
                .hasMessageContaining("MongoDB types")
                .hasMessageContaining("Kafka and Spring Cloud Stream types")
                .hasMessageContaining("are free of cycles");
    }

    @Test
    void rulesWithNothingToCheckFailInsteadOfPassingVacuously() {
        JavaClasses flat = classesOf(FLAT);
        for (ArchRule rule : ArchitectureRules.rules(FLAT)) {
            if (rule.getDescription().contains("free of cycles")) {
                continue; // one feature, so there are slices to check and no cycle
            }
            assertThatThrownBy(() -> rule.check(flat)).as(rule.getDescription())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
        }
        assertThatThrownBy(() -> ArchitectureRules.check(flat, FLAT))
                .hasMessageContaining("failed to check any classes");
    }
}
