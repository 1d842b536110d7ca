package io.quantlake.portfolio;

import static io.quantlake.sim.Fixtures.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.risk.RiskRules;
import io.quantlake.sim.Fixtures;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.SimConfig;
import org.junit.jupiter.api.Test;

/**
 * Each risk rule reducing an existing position writes a PARTIAL_CLOSE or CLOSE row with reason risk_<rule>
 * (SIMULATION.md §6 "the risk manager reduces a position"). Daily flat bars, next_open, no costs, capital 1000.
 */
class RiskGoldenTest {
    private static final double NAN = Double.NaN;

    private static Ledger run(Panel p, Market m, RiskRules rules, double[]... rows) {
        ManagedRun r = AdvancedPortfolioManager.builder().risk(rules).build()
                .run(p, SimConfig.builder(m, 1000).maxLeverage(5).fundingMissing(FundingMissing.ZERO).build(), Fixtures.weights(rows));
        assertEquals(r.report().totalInterventions(), countRisk(r.result().ledger()));
        return r.result().ledger();
    }

    private static long countRisk(Ledger l) {
        long c = 0;
        for (int k = 0; k < l.size(); k++) {
            c += l.reason(k).isRisk() ? 1 : 0;
        }
        return c;
    }

    private static void assertRow(Ledger l, int k, String symbol, TradeEventType type, Reason reason, double qty) {
        assertEquals(symbol, l.symbol(k), "row " + k);
        assertEquals(type, l.type(k), "row " + k);
        assertEquals(reason, l.reason(k), "row " + k);
        assertEquals(qty, l.qty(k), 1e-9, "row " + k);
    }

    private static Panel threeFlat(double... aCloses) {
        int bars = aCloses.length;
        double[] ten = new double[bars];
        java.util.Arrays.fill(ten, 10);
        return flat(flat(flat(Fixtures.daily("A", "B", "C"), "A", 0, aCloses), "B", 0, ten), "C", 0, ten).build();
    }

    @Test
    void grossCapReducesHeldPositionsAsPartialCloses() {
        // bar 0: A .5, B .5 → 50 each at bar 1's open (10). bar 1: A, B, C .5 → gross 1.5 > 1.2: × 0.8 = .4 each;
        // at bar 2, E' = 1000: A, B 50 → 40 (−10, PARTIAL_CLOSE risk_gross_cap), C opens 40 (rebalance).
        Ledger l = run(threeFlat(10, 10, 10, 10), Market.USDM, RiskRules.NONE.withMaxGross(1.2),
                new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.5, 0.5}, null, null);
        assertEquals(5, l.size());
        assertRow(l, 2, "A", TradeEventType.PARTIAL_CLOSE, Reason.RISK_GROSS_CAP, -10);
        assertRow(l, 3, "B", TradeEventType.PARTIAL_CLOSE, Reason.RISK_GROSS_CAP, -10);
        assertRow(l, 4, "C", TradeEventType.OPEN, Reason.REBALANCE, 40);
    }

    @Test
    void assetCapCutsAPositionThatGrewAboveIt() {
        // A .5 = 50 units at bar 1's open (10). A is 20 on bar 2: E = 500 + 1000 = 1500, cw = 2/3. Decision at bar 2:
        // A .6 → .5; at bar 3's open (20) E' = 1500: q* = .5 · 1500 / 20 = 37.5, −12.5 PARTIAL_CLOSE risk_asset_cap.
        Ledger l = run(threeFlat(10, 10, 20, 20, 20), Market.SPOT, RiskRules.NONE.withMaxWeight(0.5),
                new double[] {0.5, 0, 0}, null, new double[] {0.6, 0, 0}, null, null);
        assertEquals(2, l.size());
        assertRow(l, 1, "A", TradeEventType.PARTIAL_CLOSE, Reason.RISK_ASSET_CAP, -12.5);
    }

    @Test
    void netCapReducesTheLongSide() {
        // A .5 long, B −.5 short. Then A .8, B −.2 with max_net .2: longs × (.2 + .2)/.8 → A .4 (50 → 40, risk_net_cap);
        // B −.5 → −.2 is the strategy's own reduction: REBALANCE.
        Ledger l = run(threeFlat(10, 10, 10, 10), Market.USDM, RiskRules.NONE.withMaxNet(0.2),
                new double[] {0.5, -0.5, 0}, new double[] {0.8, -0.2, 0}, null, null);
        assertRow(l, 2, "A", TradeEventType.PARTIAL_CLOSE, Reason.RISK_NET_CAP, -10);
        assertRow(l, 3, "B", TradeEventType.REBALANCE, Reason.REBALANCE, 30);
    }

    @Test
    void maxPositionsClosesTheSmallest() {
        // A .3, B .2 held; then A .3, B .2, C .4 with max 2: B (smallest) is dropped → CLOSE risk_max_positions.
        Ledger l = run(threeFlat(10, 10, 10, 10), Market.SPOT, RiskRules.NONE.withMaxPositions(2),
                new double[] {0.3, 0.2, 0}, new double[] {0.3, 0.2, 0.4}, null, null);
        assertRow(l, 2, "B", TradeEventType.CLOSE, Reason.RISK_MAX_POSITIONS, -20);
        assertRow(l, 3, "C", TradeEventType.OPEN, Reason.REBALANCE, 40);
    }

    @Test
    void clusterCapScalesACorrelatedPair() {
        // A and B move together (identical returns), C is independent. Lookback 3, threshold .9: at bar 0 no
        // correlation is defined (each symbol its own cluster), so A .4, B .4 open 40 each; at bar 4 A and B
        // form one cluster with .8 > .5: × .625 → .25 each. Bar 5's open = bar 4's close = 11: E' = 200 + 80 · 11 = 1080,
        // q* = .25 · 1080 / 11 = 24.5455, dq = −15.4545 each.
        double[] ab = {10, 11, 10.5, 12, 11, 12, 12};
        double[] c = {10, 10.2, 10.1, 9.9, 10.3, 10.1, 10.1};
        PanelBuilderHelper h = new PanelBuilderHelper();
        Panel p = h.withOpens(ab, ab, c);
        Ledger l = run(p, Market.SPOT, RiskRules.NONE.withCluster(0.5, 0.9, 3),
                new double[] {0.4, 0.4, 0}, null, null, null, new double[] {0.4, 0.4, 0}, null, null);
        assertEquals(4, l.size());
        double e = 200 + 80 * 11;
        assertRow(l, 2, "A", TradeEventType.PARTIAL_CLOSE, Reason.RISK_CLUSTER_CAP, 0.25 * e / 11 - 40);
        assertRow(l, 3, "B", TradeEventType.PARTIAL_CLOSE, Reason.RISK_CLUSTER_CAP, 0.25 * e / 11 - 40);
    }

    /** Bars whose open equals the previous close (so next_open fills at the decision bar's close). */
    private static final class PanelBuilderHelper {
        Panel withOpens(double[] a, double[] b, double[] c) {
            io.quantlake.panel.PanelBuilder pb = Fixtures.daily("A", "B", "C");
            String[] names = {"A", "B", "C"};
            double[][] closes = {a, b, c};
            for (int s = 0; s < 3; s++) {
                for (int t = 0; t < a.length; t++) {
                    double o = t == 0 ? closes[s][0] : closes[s][t - 1];
                    double cl = closes[s][t];
                    pb.bar(names[s], Fixtures.T0 + t * Fixtures.DAY, o, Math.max(o, cl), Math.min(o, cl), cl, 1);
                }
            }
            return pb.build();
        }
    }
}
