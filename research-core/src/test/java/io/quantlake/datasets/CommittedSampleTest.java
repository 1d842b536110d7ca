package io.quantlake.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code datasets/sample/} is exactly what {@link SampleUniverseSpec#defaultSample} generates
 * today, so it never goes stale: change the generator, then regenerate the sample (command in
 * datasets/README.md) in the same commit.
 */
class CommittedSampleTest {
    private static final String REGENERATE = "regenerate it: rm -rf datasets/sample && java -cp research-core/target/classes"
            + " io.quantlake.datasets.SampleUniverseGenerator --out datasets/sample";

    @Test
    void committedSampleEqualsAFreshDefaultGeneration(@TempDir Path tmp) throws IOException {
        String root = System.getProperty("quantlake.root");
        Assumptions.assumeTrue(root != null, "system property quantlake.root (the project root) is not set; run under Maven");
        Path committed = Path.of(root, "datasets", "sample");
        assertTrue(Files.isDirectory(committed), committed + " is missing; " + REGENERATE);

        Path fresh = tmp.resolve("sample");
        SampleUniverseGenerator.generate(SampleUniverseSpec.defaultSample(fresh));
        List<Path> expected = ArchiveFiles.files(fresh);
        assertEquals(expected, ArchiveFiles.files(committed), "file list of " + committed + "; " + REGENERATE);
        for (Path f : expected) {
            byte[] want = Files.readAllBytes(fresh.resolve(f));
            byte[] have = Files.readAllBytes(committed.resolve(f));
            if (Arrays.equals(want, have)) {
                continue;
            }
            if (f.toString().endsWith(".zip")
                    && ArchiveFiles.readZip(fresh.resolve(f)).equals(ArchiveFiles.readZip(committed.resolve(f)))) {
                fail(f + ": same CSV but other zip bytes: this JVM's zlib deflates differently from the one that"
                        + " wrote the sample (the CHECKSUM files follow the zip bytes)");
            }
            fail(f + " differs from a fresh generation; " + REGENERATE);
        }
    }
}
