package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.TargetWeights;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The weight path's {@link DecisionHook}: reason overrides on the ledger, and no allocation per decision. */
class DecisionHookTest {
    private static final double NAN = Double.NaN;

    private static Ledger run(Panel p, DecisionHook hook, double[]... rows) {
        SimConfig c = SimConfig.builder(Market.USDM, 1000).maxLeverage(5).fundingMissing(FundingMissing.ZERO).build();
        return Simulator.run(p, c, StrategyInput.weights(Fixtures.weights(rows)), hook).ledger();
    }

    private static Panel twoFlat() {
        return Fixtures.flat(Fixtures.flat(Fixtures.daily("A", "B"), "A", 0, 10, 10, 10, 10), "B", 0, 10, 10, 10, 10)
                .build();
    }

    @Test
    void hedgeReasonWritesHedgeRowsAndAFlipAsTwo() {
        // B's orders are the overlay's: OPEN-sized buy of 20 (HEDGE), then a flip 20 → −10: two HEDGE rows (−20, −10).
        DecisionHook hook = (t, w, cw, reasons) -> reasons[1] = Reason.HEDGE;
        Ledger l = run(twoFlat(), hook, new double[] {0.5, 0.2}, new double[] {0.5, -0.1}, null, null);
        assertEquals(4, l.size());
        assertEquals(TradeEventType.OPEN, l.type(0));
        assertEquals(TradeEventType.HEDGE, l.type(1));
        assertEquals(Reason.HEDGE, l.reason(1));
        assertEquals(20, l.qty(1), 1e-12);
        assertEquals(TradeEventType.HEDGE, l.type(2));
        assertEquals(-20, l.qty(2), 1e-12);
        assertEquals(TradeEventType.HEDGE, l.type(3));
        assertEquals(-10, l.qty(3), 1e-12);
    }

    @Test
    void riskReasonAppliesOnlyToReductions() {
        // decision 0 (reason set, but an OPEN): ordinary rows; decision 1 reduces A 50 → 20: PARTIAL_CLOSE
        // risk_gross_cap; B 20 → 0: CLOSE risk_gross_cap.
        DecisionHook hook = (t, w, cw, reasons) -> Arrays.fill(reasons, Reason.RISK_GROSS_CAP);
        Ledger l = run(twoFlat(), hook, new double[] {0.5, 0.2}, new double[] {0.2, 0}, null, null);
        assertEquals(TradeEventType.OPEN, l.type(0));
        assertEquals(Reason.REBALANCE, l.reason(0));
        assertEquals(TradeEventType.PARTIAL_CLOSE, l.type(2));
        assertEquals(Reason.RISK_GROSS_CAP, l.reason(2));
        assertEquals(-30, l.qty(2), 1e-12);
        assertEquals(TradeEventType.CLOSE, l.type(3));
        assertEquals(Reason.RISK_GROSS_CAP, l.reason(3));
    }

    @Test
    void theHookSeesCurrentWeightsAndNonExistingSymbolsStayAtZero() {
        // B exists from bar 2 only; the hook asks for B .3 at bar 0: forced back to 0 (R6/R7), so no row for B. At bar 2
        // (a decision: B's target 0 is not NaN) the hook sees A's weight.
        Panel p = Fixtures.flat(Fixtures.flat(Fixtures.daily("A", "B"), "A", 0, 10, 10, 20, 20), "B", 2, 10, 10).build();
        double[] seen = new double[1];
        DecisionHook hook = (t, w, cw, reasons) -> {
            if (t == 0) {
                w[1] = 0.3;
            }
            if (t == 2) {
                seen[0] = cw[0]; // A: 50 units at 20 = 1000 of equity 1500
            }
        };
        Ledger l = run(p, hook, new double[] {0.5, NAN}, null, new double[] {NAN, 0}, null);
        assertEquals(1, l.size());
        assertEquals(1000.0 / 1500, seen[0], 1e-15);
    }

    private static Panel sine(int bars) {
        long[] times = new long[bars];
        double[] px = new double[bars * 3];
        for (int t = 0; t < bars; t++) {
            times[t] = t * 86_400_000L;
            for (int i = 0; i < 3; i++) {
                px[t * 3 + i] = 100 + 10 * Math.sin(t * 0.1 + i);
            }
        }
        return new Panel(Interval.D1, times, new String[] {"A", "B", "C"}, px, px, px, px, px, java.util.Map.of());
    }

    private static long allocated(Panel p, SimConfig c, DecisionHook hook) {
        int bars = p.bars();
        boolean[] d = new boolean[bars];
        Arrays.fill(d, true);
        double[] w = new double[bars * 3];
        Arrays.fill(w, 0.2);
        TargetWeights tw = new TargetWeights(bars, 3, d, w);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        Simulator.run(p, c, StrategyInput.weights(tw), hook);
        return mx.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void aDecisionEveryBarThroughTheHookAllocatesNothingPerBar() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "thread allocation counters not available on this JVM");
        SimConfig c = SimConfig.builder(Market.USDM, 1e6).fundingMissing(FundingMissing.ZERO).build();
        // the hook keeps every position after bar 0 (NaN), so the ledger does not grow with the bar count
        DecisionHook hook = (t, w, cw, reasons) -> {
            if (t > 0) {
                Arrays.fill(w, Double.NaN);
            }
            reasons[0] = Reason.RISK_ASSET_CAP;
        };
        Panel small = sine(20_000);
        Panel large = sine(40_000);
        for (int k = 0; k < 5; k++) {
            allocated(small, c, hook);
            allocated(large, c, hook);
        }
        long perBar = (allocated(large, c, hook) - allocated(small, c, hook)) / 20_000;
        // the same once-per-run arrays as WeightPathAllocationTest: 8 N + 50 bytes per bar (N = 3)
        assertTrue(perBar < 8 * 3 + 50 + 12, "the hooked weight path allocates " + perBar + " bytes per bar");
    }
}
