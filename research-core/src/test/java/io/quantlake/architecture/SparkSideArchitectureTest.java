package io.quantlake.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quantlake.spark.SparkSessions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Spark side (research-core) has no package cycles: its packages ({@code lake}, {@code ingest},
 * {@code factor}, {@code research}, {@code sweep}, {@code nightly}, ...) depend on each other in one direction
 * only, together with the kernel's packages they use. The kernel's own edges are left out (the kernel's
 * architecture test checks them), so a cycle reported here always has an edge from a research-core class.
 */
class SparkSideArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.quantlake");
    private static final Path HERE = classesOf(SparkSessions.class);

    @Test
    void packagesAreFreeOfCycles() {
        assertTrue(CLASSES.stream().filter(c -> fromHere().test(c)).count() > 100,
                "research-core classes imported from " + HERE);
        slices().matching("io.quantlake.(*)..").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.not(fromHere()), DescribedPredicate.alwaysTrue())
                .check(CLASSES);
    }

    private static DescribedPredicate<JavaClass> fromHere() {
        return DescribedPredicate.describe("a research-core class", c -> c.getSource()
                .map(s -> "file".equals(s.getUri().getScheme()) && Path.of(s.getUri()).startsWith(HERE))
                .orElse(false));
    }

    /** The directory the class was loaded from (a module's own classes are never in a jar in its own tests). */
    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
