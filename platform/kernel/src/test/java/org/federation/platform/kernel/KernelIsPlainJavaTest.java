package org.federation.platform.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The kernel is what domain code may use, so it is plain Java: it depends on the JDK and on
 * itself only (its pom has no compile dependency, and this rule keeps a future one out of its
 * classes too).
 */
class KernelIsPlainJavaTest {

    private static final String[] KERNEL = {"org.federation.platform.domain..", "org.federation.platform.problem..",
            "org.federation.platform.paging.."};

    private final JavaClasses kernel = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.federation.platform.domain", "org.federation.platform.problem",
                    "org.federation.platform.paging");

    @Test
    void kernelClassesDependOnTheJdkAndTheKernelOnly() {
        // not vacuous: the rule below must have the kernel's classes to look at
        assertThat(kernel.stream().map(c -> c.getSimpleName()))
                .contains("Decision", "DomainEvent", "StateConflictException", "ConcurrentChangeException", "PageOf");
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(concat("java..", KERNEL))
                .check(kernel);
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
