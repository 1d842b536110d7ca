package io.quantlake.strategy.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.backtest.Backtest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.ledger.TradeEvent;
import io.quantlake.sim.BacktestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The look-ahead perturbation test on the path {@code bin/quantlake backtest} takes ({@link Backtest#run} of the
 * bound config, portfolio sections included), for every demo config on the committed sample: every bar after a
 * random {@code t} gets random prices (same listings, same funding), and every ledger row and equity row up to
 * {@code t} must stay bit for bit the same. Skipped where the sample is absent.
 */
class DemoLookAheadTest {
    @Test
    void perturbingTheFutureLeavesEveryDemoBacktestUnchangedUpToT() throws IOException {
        Path root = DemoSample.root();
        Path sample = root.resolve("datasets/sample");
        Assumptions.assumeTrue(Files.isDirectory(sample), "datasets/sample not generated in this checkout: " + sample);
        Random rnd = new Random(2024);
        for (Path file : DemoSample.configs()) {
            BacktestConfig c = BacktestConfig.load(file);
            var funding = DemoBacktestTest.funding(sample, c);
            BacktestResult base = Backtest.run(DemoBacktestTest.panel(sample, c), c, funding, Map.of()).result();
            int bars = base.times().length;
            for (int trial = 0; trial < 2; trial++) {
                int t = bars / 4 + rnd.nextInt(bars / 2);
                long cut = base.times()[t];
                BacktestResult run = Backtest.run(DemoBacktestTest.panel(sample, c, cut, rnd.nextLong()), c, funding,
                        Map.of()).result();
                String where = file.getFileName() + " t=" + t;
                assertTrue(!rows(base, cut).isEmpty(), "no ledger row up to t to compare, " + where);
                assertEquals(rows(base, cut), rows(run, cut), "ledger rows up to t, " + where);
                assertTrue(Arrays.equals(Arrays.copyOf(base.equity(), t + 1), Arrays.copyOf(run.equity(), t + 1)),
                        "equity up to t, " + where);
                assertTrue(!Arrays.equals(base.equity(), run.equity()), "the perturbation changed nothing, " + where);
            }
        }
    }

    private static List<TradeEvent> rows(BacktestResult r, long until) {
        return r.ledger().events().stream().filter(e -> e.time() <= until).toList();
    }
}
