package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar ships only what a Spark 4.1 cluster does not provide: no Scala library and no class of any
 * jar on Spark's runtime classpath ({@code spark-classpath.txt}, the provided scope), but QuantLake, Delta,
 * picocli, Jackson YAML with SnakeYAML and ECharts. Runs after {@code package} (execution {@code packaged-jar}).
 */
@Tag("packaged-jar")
class ShadedJarTest {
    @Test
    void theShadedJarHoldsNoScalaAndNoClassThatSparkProvides() {
        Set<String> shaded = PackagedJar.classEntries(PackagedJar.shadedJar());

        List<String> scala = shaded.stream().filter(e -> e.startsWith("scala/")).limit(5).toList();
        assertEquals(List.of(), scala, "the shaded jar bundles the Scala library");
        List<String> overlap = new ArrayList<>();
        for (Path sparkJar : PackagedJar.sparkClasspath()) {
            for (String entry : PackagedJar.classEntries(sparkJar)) {
                if (shaded.contains(entry) && overlap.size() < 10) {
                    overlap.add(entry + " (also in " + sparkJar.getFileName() + ")");
                }
            }
        }
        assertEquals(List.of(), overlap, "the shaded jar bundles classes of Spark's runtime classpath");
        for (String bundled : List.of("io/quantlake/cli/QuantLakeCli.class", "io/quantlake/jobs/SweepJob.class",
                "io/delta/tables/DeltaTable.class", "io/delta/storage/LogStore.class", "picocli/CommandLine.class",
                "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class", "org/yaml/snakeyaml/Yaml.class")) {
            assertTrue(shaded.contains(bundled), "the shaded jar lacks " + bundled);
        }
    }

    /**
     * Delta depends on Scala, Hadoop, Parquet, Jackson, log4j and Commons Math too; Maven would widen them to
     * compile scope (into the jar and out of {@code spark-classpath.txt}) without jobs/pom.xml's exclusions.
     */
    @Test
    void sparkClasspathHoldsTheLibrariesDeltaSharesWithSpark() {
        List<String> names = PackagedJar.sparkClasspath().stream().map(p -> p.getFileName().toString()).toList();
        for (String prefix : List.of("scala-library-2.13", "hadoop-client-api-", "hadoop-client-runtime-",
                "parquet-hadoop-", "jackson-core-", "jackson-databind-", "log4j-core-", "commons-math3-",
                "spark-core_2.13-", "spark-sql_2.13-", "spark-mllib_2.13-")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)), "spark-classpath.txt lacks " + prefix + "*.jar");
        }
    }
}
