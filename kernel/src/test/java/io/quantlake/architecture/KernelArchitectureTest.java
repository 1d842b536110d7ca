package io.quantlake.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The kernel module is Spark-free: none of its classes refers to Spark, Delta, Hadoop or Scala, and
 * none of those is even on its classpath (its pom's enforcer rule bans them from its dependency tree),
 * so a notebook or a user's program can depend on the kernel alone. Its packages form no cycle, neither package
 * by package nor between top-level packages (a subpackage counts with its parent there), so they can be read and
 * layered bottom-up (docs/ARCHITECTURE.md).
 */
class KernelArchitectureTest {
    private static final JavaClasses KERNEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.quantlake");

    @Test
    void noKernelClassRefersToSparkDeltaHadoopOrScala() {
        assertTrue(KERNEL.size() > 100, "kernel classes imported: " + KERNEL.size());
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "io.delta..",
                "org.apache.hadoop..", "scala..").check(KERNEL);
    }

    @Test
    void sparkIsNotOnTheKernelsClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.spark.sql.SparkSession"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.delta.tables.DeltaTable"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("scala.Option"));
    }

    /** No two kernel packages depend on each other, directly or through others (every package is a slice). */
    @Test
    void noCycleBetweenPackages() {
        slices().matching("io.quantlake.(**)").should().beFreeOfCycles().check(KERNEL);
    }

    /**
     * No cycle between top-level packages, each with its subpackages ({@code strategy} = {@code strategy},
     * {@code strategy.reference}, {@code strategy.quant}, …): what {@link #noCycleBetweenPackages} cannot see,
     * e.g. {@code strategy.reference → sim → strategy}.
     */
    @Test
    void noCycleBetweenTopLevelPackages() {
        slices().matching("io.quantlake.(*)..").should().beFreeOfCycles().check(KERNEL);
    }
}
