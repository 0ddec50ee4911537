package org.federation.finance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.federation.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** finance-service keeps the platform's layering (see {@link ArchitectureRules}). */
class ArchitectureTest {

    private static final JavaClasses FINANCE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.federation.finance");

    @Test
    void domainIsPlainJavaAndLayersPointInwards() {
        ArchitectureRules.check("org.federation.finance");
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        ArchRule rule = slices().matching("org.federation.finance.(*)..").should().beFreeOfCycles();
        rule.check(FINANCE);
    }

    @Test
    void persistenceAndKafkaTypesOnlyInInfrastructure() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("..infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..",
                        "org.apache.kafka..", "org.springframework.cloud.stream..");
        rule.check(FINANCE);
    }
}
