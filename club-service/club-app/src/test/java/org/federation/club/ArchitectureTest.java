package org.federation.club;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.federation.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * club-service keeps the platform's layering (see {@link ArchitectureRules}), its feature
 * packages do not depend on each other in cycles, and persistence and messaging types stay in
 * infrastructure. The last two are written here with the ArchUnit API until the shared rules
 * (issue 15) replace them; neither allows an empty "should", so a rule whose packages vanished
 * fails instead of passing vacuously.
 */
class ArchitectureTest {

    private static final JavaClasses CLUB_SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.federation.club");

    /** Feature packages (registration, lifecycle, membership, ...) may use each other, but never in a cycle. */
    static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices().matching("org.federation.club.(*)..")
            .namingSlices("feature $1").should().beFreeOfCycles()
            .as("feature packages do not depend on each other in cycles");

    /** MongoDB, Kafka and stream-processing types are infrastructure: the domain, application and web see ports. */
    static final ArchRule PERSISTENCE_AND_MESSAGING_ONLY_IN_INFRASTRUCTURE = noClasses()
            .that().resideInAPackage("org.federation.club..").and().resideOutsideOfPackage("..infrastructure..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..",
                    "org.bson..", "org.apache.kafka..", "org.springframework.kafka..", "org.springframework.cloud.stream..")
            .as("MongoDB, Kafka and stream types are used only in ..infrastructure..");

    @Test
    void domainIsPlainJavaAndLayersPointInwards() {
        ArchitectureRules.check("org.federation.club");
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        FEATURES_ARE_FREE_OF_CYCLES.check(CLUB_SERVICE);
    }

    @Test
    void persistenceAndMessagingTypesStayInInfrastructure() {
        PERSISTENCE_AND_MESSAGING_ONLY_IN_INFRASTRUCTURE.check(CLUB_SERVICE);
    }
}
