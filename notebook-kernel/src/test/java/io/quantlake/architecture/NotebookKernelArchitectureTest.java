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
 * The notebook module's packages ({@code notebook}, {@code notebook.kernel}, {@code notebook.install}) form no
 * cycle, package by package. Only edges from the module's own classes count (the modules below check theirs).
 */
class NotebookKernelArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.quantlake");
    private static final DescribedPredicate<JavaClass> NOTEBOOK_MODULE = resideInAnyPackage("io.quantlake.notebook..");

    @Test
    void packagesAreFreeOfCycles() {
        assertTrue(CLASSES.stream().filter(NOTEBOOK_MODULE).count() > 5, "notebook classes imported: " + CLASSES.size());
        slices().matching("io.quantlake.(**)").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.not(NOTEBOOK_MODULE), DescribedPredicate.alwaysTrue())
                .check(CLASSES);
    }
}
