package io.quantlake.strategy.quant;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.backtest.Backtest;
import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.backtest.FactorPanels;
import io.quantlake.backtest.PanelCandles;
import io.quantlake.config.BacktestConfig;
import io.quantlake.datasets.SampleReads;
import io.quantlake.ingest.CandleBar;
import io.quantlake.market.FundingRecord;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.sim.BacktestResult;
import io.quantlake.spark.SharedSpark;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.strategy.ConfiguredStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every demo config of {@code datasets/configs} end to end through {@link Backtest#run} (the kernel;
 * Spark only for the factors of the factor configs) on the committed synthetic sample, read with the archive reader; skipped where the
 * sample is absent. Checks that the run completes with a positive equity at every bar, trades, and,
 * for weight strategies, decides.
 */
class DemoBacktestTest {

    @Test
    void everyDemoConfigRunsOnTheSample() throws IOException {
        Path root = DemoSample.root();
        Path sample = root.resolve("datasets/sample");
        Assumptions.assumeTrue(Files.isDirectory(sample), "datasets/sample not generated in this checkout: " + sample);
        for (Path file : DemoSample.configs()) {
            BacktestConfig c = BacktestConfig.load(file);
            BacktestOutcome out = Backtest.run(panel(sample, c), c, funding(sample, c), Map.of());
            BacktestResult r = out.result();
            assertEquals(1096, r.equity().length, file + ": 2022-01-01 .. 2024-12-31 daily bars");
            for (double e : r.equity()) {
                assertTrue(Double.isFinite(e) && e > 0, file + ": equity " + e);
            }
            assertTrue(r.ledger().size() > 10, file + ": ledger rows " + r.ledger().size());
            assertTrue(Double.isFinite(out.metrics().sharpe()), file + ": sharpe " + out.metrics().sharpe());
            if (c.strategy().built() instanceof ConfiguredStrategy.Weight) {
                int decisions = 0;
                for (boolean d : r.targets().decision()) {
                    decisions += d ? 1 : 0;
                }
                assertTrue(decisions >= 30, file + ": decisions " + decisions);
            }
        }
    }

    private static String market(BacktestConfig c) {
        return c.market().code().equals("usdm") ? "futures/um" : "spot";
    }

    static Panel panel(Path sample, BacktestConfig c) throws IOException {
        return panel(sample, c, Long.MAX_VALUE, 0);
    }

    /**
     * The config's panel from the sample; every bar opening after {@code cutMs} has its open, high, low, close
     * and volume multiplied by one seeded random factor in [0.7, 1.3] (the listing pattern is kept). The factors the
     * config reads are computed by Spark from these bars ({@link FactorPanels}, as a lake run attaches them), so the
     * look-ahead perturbation ({@link DemoLookAheadTest}) covers the factor values too.
     */
    static Panel panel(Path sample, BacktestConfig c, long cutMs, long seed) throws IOException {
        Random rnd = new Random(seed);
        PanelBuilder b = Panel.builder(c.interval(), c.universe().toArray(new String[0]));
        Map<String, List<CandleBar>> bySymbol = SampleReads.candlesBySymbol(SampleReads.read(SampleReads.folders(
                sample.resolve(market(c) + "/monthly/klines"), c.universe(), c.interval().code())));
        for (String symbol : c.universe()) {
            for (CandleBar bar : bySymbol.getOrDefault(symbol, List.of())) {
                if (bar.openTime() >= c.startMs() && bar.openTime() < c.endMs()) {
                    double f = bar.openTime() > cutMs ? 0.7 + 0.6 * rnd.nextDouble() : 1;
                    b.bar(symbol, bar.openTime(), bar.open() * f, bar.high() * f, bar.low() * f, bar.close() * f,
                            bar.volume() * f);
                }
            }
        }
        Panel p = b.build();
        return c.strategy().requiredFactors().isEmpty() ? p
                : PanelCandles.withFactors(SharedSpark.spark(), p, c.market(), c.strategy().requiredFactors());
    }

    static Map<String, FundingSchedule> funding(Path sample, BacktestConfig c) throws IOException {
        if (!c.market().code().equals("usdm")) {
            return Map.of();
        }
        List<FundingRecord> records = new ArrayList<>();
        IngestBatch read = SampleReads.read(SampleReads.folders(sample.resolve("futures/um/monthly/fundingRate"),
                c.universe(), ""));
        for (String symbol : c.universe()) {
            for (FundingRecord f : SampleReads.funding(read, symbol)) {
                if (f.fundingTime() >= c.startMs() && f.fundingTime() < c.endMs()) {
                    records.add(f);
                }
            }
        }
        return FundingSchedule.bySymbol(records);
    }
}
