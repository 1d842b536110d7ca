package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.tearsheet.BacktestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §11: the same inputs and configuration give byte-identical output files. */
class DeterminismTest {
    @BeforeAll
    static void createTmpDir() throws IOException {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static void twice(Supplier<BacktestResult> run, Path dir) throws IOException {
        BacktestFiles.write(run.get(), dir.resolve("a"));
        BacktestFiles.write(run.get(), dir.resolve("b"));
        for (String f : List.of(BacktestFiles.EQUITY, BacktestFiles.LEDGER, BacktestFiles.TARGETS, BacktestFiles.METRICS)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        assertTrue(Files.readAllLines(dir.resolve("a").resolve(BacktestFiles.LEDGER)).size() > 5);
    }

    @Test
    void signalRunWithHedgesExitsAndFundingIsByteIdentical(@TempDir Path dir) throws IOException {
        Panel p = KernelProperties.panel(new Random(7), 3, 40, true);
        SimConfig c = KernelProperties.randomConfig(new Random(8), Market.USDM);
        twice(() -> Simulator.run(p, c, StrategyInput.signals(new KernelProperties.RandomSignals(9, false))), dir);
    }

    @Test
    void weightRunIsByteIdentical(@TempDir Path dir) throws IOException {
        Panel p = KernelProperties.panel(new Random(1), 4, 40, true);
        KernelProperties.Drawn drawn = KernelProperties.randomWeights(new Random(3), p.bars(), 4, true, 0.01, false,
                KernelProperties.randomConfig(new Random(2), Market.SPOT));
        twice(() -> Simulator.run(p, drawn.config(), StrategyInput.weights(drawn.targets())), dir);
    }
}
