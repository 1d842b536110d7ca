package io.quantlake.strategy.quant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The checkout's demo configs ({@code datasets/configs/*.yaml}) and sample, for tests that run them on real files. */
final class DemoSample {
    private DemoSample() {
    }

    /** The checkout (Maven sets {@code quantlake.root}); the test is skipped outside Maven. */
    static Path root() {
        String root = System.getProperty("quantlake.root", "");
        Assumptions.assumeTrue(!root.isEmpty(), "system property quantlake.root not set (run through Maven)");
        return Path.of(root);
    }

    /** Every demo config, sorted by file name. */
    static List<Path> configs() throws IOException {
        try (Stream<Path> s = Files.list(root().resolve("datasets/configs"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
