package io.quantlake.portfolio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.risk.RiskRules;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.Fixtures;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.SimConfig;
import io.quantlake.strategy.TargetWeights;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every portfolio feature at once on real Binance daily candles (shared/data; skipped without it). */
class RealCandlesPortfolioTest {
    private static final String[] UNIVERSE = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "WIFUSDT"};

    private static Panel load() throws IOException {
        return Fixtures.sharedSpotPanel("1d", UNIVERSE);
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
        return new TargetWeights(p.bars(), n, d, w);
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
