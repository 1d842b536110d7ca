package io.quantlake.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.strategy.TargetWeights;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Random seeded inputs for the fast-path equivalence properties (a fast path against the plain
 * rule path, {@link Simulator#run(Panel, SimConfig, StrategyInput, DecisionHook, boolean)}), and
 * the comparison of two runs bit for bit.
 */
final class RandomRuns {
    static final long T0 = 1_704_067_200_000L;
    static final long HOUR = 3_600_000L;

    private RandomRuns() {
    }

    /**
     * An hourly panel of {@code symbols} random walks over {@code bars} hours. Symbol 0 spans the
     * whole grid; with {@code listings} others may start late, with {@code delistings} end early,
     * and a symbol has missing bars at rate {@code gapRate} (never its first or last).
     */
    static Panel panel(Random r, int symbols, int bars, boolean listings, boolean delistings, double gapRate) {
        String[] names = new String[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = "S" + i + "USDT";
        }
        PanelBuilder b = Panel.builder(Interval.H1, names);
        for (int i = 0; i < symbols; i++) {
            int first = i > 0 && listings && r.nextInt(3) == 0 ? r.nextInt(bars / 2) : 0;
            int last = i > 0 && delistings && r.nextInt(3) == 0 ? first + r.nextInt(bars - first) : bars - 1;
            double p = 1 + 1000 * r.nextDouble();
            for (int t = first; t <= last; t++) {
                double o = Math.max(1e-3, p * (1 + 0.01 * r.nextGaussian()));
                p = Math.max(1e-3, o * (1 + 0.02 * r.nextGaussian()));
                if (t == first || t == last || r.nextDouble() >= gapRate) {
                    b.bar(names[i], T0 + t * HOUR, o, Math.max(o, p) * 1.01, Math.min(o, p) * 0.99, p, 1);
                }
            }
        }
        return b.build();
    }

    /**
     * Target weights over {@code panel}: decisions every few bars and at random bars, some all-NaN
     * (no decision, R8), some targets NaN (keep) or negative; a band of 0 to 5 %, sometimes the
     * threshold rule (the band and the threshold flag as the {@link RebalanceRule} the run's config takes,
     * {@link #config}).
     */
    static Targets targets(Random r, Panel panel) {
        int bars = panel.bars();
        int n = panel.symbolCount();
        boolean[] decision = new boolean[bars];
        double[] w = new double[bars * n];
        Arrays.fill(w, Double.NaN);
        int every = 1 + r.nextInt(8);
        for (int t = 0; t < bars; t++) {
            decision[t] = t % every == 0 || r.nextInt(9) == 0;
            boolean empty = r.nextInt(10) == 0;
            for (int i = 0; i < n && decision[t] && !empty; i++) {
                int kind = r.nextInt(10);
                w[t * n + i] = kind == 0 ? Double.NaN : kind == 1 ? -r.nextDouble() / n : kind == 2 ? 0.0
                        : 1.5 * r.nextDouble() / n;
            }
        }
        double band = new double[] {0, 0, 0.005, 0.02, 0.05}[r.nextInt(5)];
        return new Targets(new TargetWeights(bars, n, decision, w),
                new RebalanceRule(band, RebalanceMode.TARGET, r.nextInt(6) == 0));
    }

    /** Drawn target weights and the band and threshold flag drawn with them ({@code rebalance.to} target). */
    record Targets(TargetWeights weights, RebalanceRule rule) {
    }

    /**
     * A random configuration of {@code market}: costs, execution price, the rebalance rule {@code drawn} with a
     * random rebalance mode, order
     * filters on some symbols; in usdm a leverage cap, a maintenance margin and (with
     * {@code funding}) funding every 8 hours for some symbols (missing funding counts as zero).
     */
    static SimConfig.Builder config(Random r, Panel panel, Market market, boolean funding, RebalanceRule drawn) {
        SimConfig.Builder c = SimConfig.builder(market, 10_000)
                .costs(r.nextInt(10), r.nextInt(5), r.nextInt(5))
                .executionPrice(r.nextBoolean() ? ExecutionPrice.CLOSE : ExecutionPrice.NEXT_OPEN)
                .rebalance(drawn.withTo(r.nextBoolean() ? RebalanceMode.TARGET : RebalanceMode.BAND_EDGE));
        String[] names = panel.symbols();
        Map<String, SymbolFilter> filters = new HashMap<>();
        for (String s : names) {
            if (r.nextInt(4) == 0) {
                filters.put(s, new SymbolFilter(r.nextBoolean() ? 0.001 : Double.NaN, r.nextBoolean() ? 5 : Double.NaN));
            }
        }
        c.filters(filters);
        if (market == Market.USDM) {
            c.maxLeverage(1 + 2 * r.nextDouble()).maintenanceMargin(r.nextBoolean() ? 0.0 : 0.02)
                    .fundingMissing(FundingMissing.ZERO);
            if (funding) {
                Map<String, FundingSchedule> schedules = new HashMap<>();
                int count = panel.bars() / 8 + 1;
                for (String s : names) {
                    if (r.nextInt(3) != 0) {
                        long[] times = new long[count];
                        double[] rates = new double[count];
                        for (int k = 0; k < count; k++) {
                            times[k] = T0 + k * 8 * HOUR + r.nextInt(3) * HOUR;
                            rates[k] = 0.0005 * r.nextGaussian();
                        }
                        schedules.put(s, FundingSchedule.of(times, rates));
                    }
                }
                c.funding(schedules);
            }
        }
        return c;
    }

    /** Asserts that two runs are the same bits: the six equity columns, the ledger rows and the recorded targets. */
    static void assertSameRun(BacktestResult expected, BacktestResult actual) {
        assertArrayEquals(bits(expected.equity()), bits(actual.equity()), "equity");
        assertArrayEquals(bits(expected.cash()), bits(actual.cash()), "cash");
        assertArrayEquals(bits(expected.gross()), bits(actual.gross()), "gross");
        assertArrayEquals(bits(expected.net()), bits(actual.net()), "net");
        assertArrayEquals(bits(expected.leverage()), bits(actual.leverage()), "leverage");
        assertArrayEquals(expected.invested(), actual.invested(), "invested");
        assertEquals(expected.ledger().events(), actual.ledger().events(), "ledger");
        RecordedTargets e = expected.recordedTargets();
        RecordedTargets a = actual.recordedTargets();
        assertEquals(e.decisions(), a.decisions(), "decisions");
        for (int k = 0; k < e.decisions(); k++) {
            assertEquals(e.decisionBar(k), a.decisionBar(k), "decision " + k);
            for (int i = 0; i < e.symbols(); i++) {
                assertEquals(Double.doubleToRawLongBits(e.weight(k, i)), Double.doubleToRawLongBits(a.weight(k, i)),
                        "target of symbol " + i + " at decision " + k);
            }
        }
        assertArrayEquals(expected.targets().decision(), actual.targets().decision(), "decision bars");
        assertArrayEquals(bits(expected.targets().weights()), bits(actual.targets().weights()), "targets");
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
