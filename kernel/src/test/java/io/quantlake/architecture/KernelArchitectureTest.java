package io.quantlake.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The kernel module is Spark-free: none of its classes refers to Spark, Delta, Hadoop or Scala, and
 * none of those is even on its classpath (its pom's enforcer rule bans them from its dependency tree),
 * so a notebook or a user's program can depend on the kernel alone.
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
}
