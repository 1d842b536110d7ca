package io.quantlake.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The application module has no package cycles: the spark-submit entry points ({@code io.quantlake.jobs}) call
 * the CLI ({@code io.quantlake.cli}), never the other way round. Only edges from the module's own packages count
 * (the modules below check theirs; they cannot depend on these packages).
 */
class JobsArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.quantlake");
    private static final DescribedPredicate<JavaClass> JOBS_MODULE =
            resideInAnyPackage("io.quantlake.cli..", "io.quantlake.jobs..");

    @Test
    void packagesAreFreeOfCycles() {
        assertTrue(CLASSES.stream().filter(JOBS_MODULE).count() > 20, "jobs classes imported: " + CLASSES.size());
        slices().matching("io.quantlake.(*)..").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.not(JOBS_MODULE), DescribedPredicate.alwaysTrue())
                .check(CLASSES);
    }
}
