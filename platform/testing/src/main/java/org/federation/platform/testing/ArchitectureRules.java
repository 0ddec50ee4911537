package org.federation.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps (package by feature, then domain / application / web /
 * infrastructure): the domain is plain Java, free of Spring, MongoDB, Kafka and Jackson, and it
 * depends on no other layer. Each app checks its own classes with {@link #check(String)}.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta..")
            .as("the domain is plain Java (no Spring, MongoDB, Kafka, Jackson or Jakarta types)")
            .allowEmptyShould(true);

    static final ArchRule DOMAIN_DEPENDS_ON_NO_OTHER_LAYER = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..web..", "..infrastructure..")
            .as("the domain depends on no application, web or infrastructure code")
            .allowEmptyShould(true);

    static final ArchRule WEB_DOES_NOT_REACH_INTO_INFRASTRUCTURE = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..infrastructure..")
            .as("controllers go through the application or the domain's ports, not the infrastructure")
            .allowEmptyShould(true);

    /** Checks the production classes under {@code basePackage}; throws an AssertionError naming each violation. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        DOMAIN_IS_PLAIN_JAVA.check(classes);
        DOMAIN_DEPENDS_ON_NO_OTHER_LAYER.check(classes);
        WEB_DOES_NOT_REACH_INTO_INFRASTRUCTURE.check(classes);
    }
}
