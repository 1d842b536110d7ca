package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.Reason;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.strategy.TargetWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The kernel on real Binance spot candles (shared/data): the accounting invariants hold and the paths agree. */
class RealDataKernelTest {
    private static final String[] UNIVERSE = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "WIFUSDT"};

    private static Panel load(String interval) throws IOException {
        return Fixtures.sharedSpotPanel(interval, UNIVERSE);
    }

    /** First bar of each UTC month, targets 0.3/0.3/0.2/0.1/0.1 (WIF forced to 0 before its listing). */
    private static TargetWeights monthly(Panel p) {
        int n = p.symbolCount();
        boolean[] decision = new boolean[p.bars()];
        double[] w = new double[p.bars() * n];
        Arrays.fill(w, Double.NaN);
        double[] target = {0.3, 0.3, 0.2, 0.1, 0.1};
        int month = -1;
        for (int t = 0; t < p.bars(); t++) {
            int m = Instant.ofEpochMilli(p.times()[t]).atZone(ZoneOffset.UTC).getMonthValue();
            if (m != month) {
                month = m;
                decision[t] = true;
                for (int i = 0; i < n; i++) {
                    w[t * n + i] = p.exists(t, i) ? target[i] : 0;
                }
            }
        }
        return new TargetWeights(p.bars(), n, decision, w);
    }

    @Test
    void monthlyRebalanceOnRealCandlesKeepsTheBooks() throws IOException {
        Panel p = load("1d");
        for (ExecutionPrice exec : ExecutionPrice.values()) {
            SimConfig c = SimConfig.builder(Market.SPOT, 100_000).executionPrice(exec).costs(10, 2, 5)
                    .rebalance(RebalanceRule.NONE.withBand(0.01)).build();
            BacktestResult r = Simulator.run(p, c, StrategyInput.weights(monthly(p)));
            KernelProperties.checkAccounting(p, c, r);
            assertTrue(r.ledger().size() > 20, "rows: " + r.ledger().size());
            assertTrue(r.finalEquity() > 0);
            for (int k = 0; k < r.ledger().size(); k++) {
                // Files end on 2024-09-05 or -06: a symbol whose data ends early is closed at its last bar (R5).
                Reason reason = r.ledger().reason(k);
                int i = r.ledger().symbolIndex(k);
                assertTrue(reason == Reason.REBALANCE
                        || reason == Reason.DELISTED && r.ledger().time(k) == p.times()[p.lastBar(i)], reason + " row " + k);
            }
        }
    }

    @Test
    void legacySmaCrossAgreesAcrossPathsOnRealCandles() throws IOException {
        Panel p = load("4h");
        LegacyAndSignalTest.SmaCross cross = new LegacyAndSignalTest.SmaCross(5, 20, 0.05, 0.03);
        SimConfig c = SimConfig.builder(Market.SPOT, 100_000).costs(10, 2, 5).build();
        BacktestResult legacy = Simulator.run(p, c, StrategyInput.legacy(cross, 3));
        BacktestResult signals = Simulator.run(p, c,
                StrategyInput.signals(new LegacyAndSignalTest.SmaCrossSignals(cross, 3)));
        assertTrue(legacy.ledger().size() > 50, "rows: " + legacy.ledger().size());
        assertEquals(legacy.ledger().events(), signals.ledger().events());
        KernelProperties.checkAccounting(p, c, legacy);
    }
}
