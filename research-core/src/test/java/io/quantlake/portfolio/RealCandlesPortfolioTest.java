package io.quantlake.portfolio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.risk.RiskRules;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.SimConfig;
import io.quantlake.strategy.TargetWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every portfolio feature at once on real Binance daily candles (shared/data; skipped without it). */
class RealCandlesPortfolioTest {
    private static final String[] UNIVERSE = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "WIFUSDT"};

    private static Panel load() throws IOException {
        String shared = System.getProperty("quantlake.shared");
        Path dir = shared == null ? null : Path.of(shared, "data", "binance-spot-2024", "1d");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "shared data not found (system property quantlake.shared=" + shared + "); skipping real-data test");
        PanelBuilder b = Panel.builder(Interval.D1, UNIVERSE);
        for (String s : UNIVERSE) {
            List<String> lines = Files.readAllLines(dir.resolve(s + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                b.bar(s, Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
            }
        }
        return b.build();
    }

    /** Every 7th bar: long the first three symbols, short the last two, 0.4 each (0-forced where not listed). */
    private static TargetWeights weekly(Panel p) {
        int n = p.symbolCount();
        boolean[] d = new boolean[p.bars()];
        double[] w = new double[p.bars() * n];
        Arrays.fill(w, Double.NaN);
        for (int t = 0; t < p.bars(); t += 7) {
            d[t] = true;
            for (int i = 0; i < n; i++) {
                w[t * n + i] = p.exists(t, i) ? (i < 3 ? 0.4 : -0.4) : 0;
            }
        }
        return new TargetWeights(p.bars(), n, d, w, 0, false);
    }

    @Test
    void capsHoldAndTheHedgeKeepsBetaInsideTheBand() throws IOException {
        Panel p = load();
        RiskRules rules = RiskRules.NONE.withMaxWeight(0.3).withMaxGross(1.2).withMaxNet(0.5)
                .withCluster(0.6, 0.7, 30).withMaxPositions(4);
        SimConfig c = SimConfig.builder(Market.USDM, 100_000).executionPrice(ExecutionPrice.CLOSE).maxLeverage(5)
                .fundingMissing(FundingMissing.ZERO).build();
        TargetWeights tw = weekly(p);
        ManagedRun capped = AdvancedPortfolioManager.builder().risk(rules).build().run(p, c, tw);
        PortfolioFixtures.assertCapsAfterDecisions(p, capped.result(), rules, tw.decision(), 1e-8);
        assertTrue(capped.report().totalInterventions() > 0, capped.report().toString());

        HedgeSpec spec = new HedgeSpec("BTCUSDT", 0.1, 30, BetaMethod.OLS, true);
        ManagedRun hedged = AdvancedPortfolioManager.builder().sizing(SizingSpec.of(SizingMethod.INVERSE_VOL)
                .withLookback(30)).hedge(spec).build().run(p, c, tw);
        BacktestResult r = hedged.result();
        BetaHedge beta = new BetaHedge(spec, p);
        for (int t = 0; t < p.bars(); t++) {
            // the last bars: data of some symbols ends early and they are closed at their last bar (R5)
            if (tw.decision()[t] && t < p.bars() - 3) {
                double b = beta.portfolioBeta(t, PortfolioFixtures.weightsAt(p, r, t));
                assertTrue(Math.abs(b) <= spec.band() + 1e-9, "beta " + b + " at bar " + t);
            }
        }
        assertTrue(hedged.report().hedgeRows() > 0);
    }
}
