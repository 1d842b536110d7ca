package io.quantlake.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.TradeEvent;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.Fixtures;
import io.quantlake.sim.LegacySignalAdapter;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import io.quantlake.strategy.reference.SmaCrossTpslStrategy;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The {@code sizing:} section on the signal path: each method against its closed form on hand-made closes. */
class SignalSizerTest {
    private static final int BARS = 40;
    private static final int DECISION = 20;
    private static final int LOOKBACK = 10;

    /** AAA and BBB with seeded daily returns (AAA drifts up, BBB is twice as volatile); flat bars. */
    private static Panel panel() {
        Random rnd = new Random(11);
        PanelBuilder b = Fixtures.daily("AAA", "BBB");
        double a = 100;
        double c = 50;
        double[] ca = new double[BARS];
        double[] cb = new double[BARS];
        for (int t = 0; t < BARS; t++) {
            ca[t] = a;
            cb[t] = c;
            a *= 1 + 0.004 + 0.01 * rnd.nextGaussian();
            c *= 1 + 0.02 * rnd.nextGaussian();
        }
        Fixtures.flat(b, "AAA", 0, ca);
        Fixtures.flat(b, "BBB", 0, cb);
        return b.build();
    }

    /** Three seeded random walks of flat daily bars. */
    private static Panel randomWalk(int bars) {
        Random rnd = new Random(3);
        String[] names = {"AAA", "BBB", "CCC"};
        PanelBuilder b = Fixtures.daily(names);
        for (String name : names) {
            double[] c = new double[bars];
            double v = 100;
            for (int t = 0; t < bars; t++) {
                c[t] = v;
                v *= 1 + 0.03 * rnd.nextGaussian();
            }
            Fixtures.flat(b, name, 0, c);
        }
        return b.build();
    }

    /** Symbol {@code i}'s last {@link #LOOKBACK} simple returns ending at {@link #DECISION}. */
    private static double[] returns(Panel p, int i) {
        double[] r = new double[LOOKBACK];
        for (int b = 0; b < LOOKBACK; b++) {
            int t = DECISION - LOOKBACK + 1 + b;
            r[b] = p.close()[p.at(t, i)] / p.close()[p.at(t - 1, i)] - 1;
        }
        return r;
    }

    private static double mean(double[] r) {
        double m = 0;
        for (double v : r) {
            m += v / r.length;
        }
        return m;
    }

    private static double sd(double[] r) {
        double m = mean(r);
        double ss = 0;
        for (double v : r) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (r.length - 1));
    }

    /** Opens the given signals at {@link #DECISION}'s close. */
    private static SignalStrategy at(Signal... signals) {
        return (snapshot, state) -> snapshot.bar() == DECISION ? List.of(signals) : List.of();
    }

    private static Signal open(String symbol, Signal.Side side, double weight) {
        return Signal.open(symbol, side, new Signal.Weight(weight), List.of());
    }

    private static List<TradeEvent> opens(BacktestResult r) {
        return r.ledger().events().stream().filter(e -> e.type() == TradeEventType.OPEN).toList();
    }

    /** The OPEN row's notional as a fraction of the decision equity (capital: nothing held before). */
    private static double weightOf(TradeEvent e) {
        return e.qty() * e.price() / 1000;
    }

    private static BacktestResult run(SignalStrategy s, SizingSpec spec, boolean usdm) {
        Panel p = panel();
        var config = (usdm ? Fixtures.usdmClose() : Fixtures.spotClose()).build();
        return Simulator.run(p, config, StrategyInput.signals(new SignalSizer(s, spec)));
    }

    @Test
    void fixedFractionGivesEachEntryTheFraction() {
        BacktestResult r = run(at(open("AAA", Signal.Side.LONG, 0.9), open("BBB", Signal.Side.LONG, 0.1)),
                SizingSpec.of(SizingMethod.FIXED_FRACTION).withFraction(0.25), false);
        List<TradeEvent> o = opens(r);
        assertEquals(2, o.size());
        assertEquals(0.25, weightOf(o.get(0)), 1e-12);
        assertEquals(0.25, weightOf(o.get(1)), 1e-12);
    }

    @Test
    void continuousKellyIsAFractionOfMuOverSigmaSquaredInTheSignalsDirection() {
        Panel p = panel();
        double[] ra = returns(p, 0);
        double full = mean(ra) / (sd(ra) * sd(ra));
        // daily μ/σ² of a drifting coin is large (≈ 37 here): a small Kelly multiplier keeps it below 1
        assertTrue(full > 0 && full * 0.01 < 0.9, "the fixture's AAA drift must give a long Kelly: " + full);
        SizingSpec small = SizingSpec.of(SizingMethod.KELLY).withFraction(0.01).withLookback(LOOKBACK)
                .withKelly(KellyMode.CONTINUOUS, 0.9, Double.POSITIVE_INFINITY, 0);
        List<TradeEvent> o = opens(run(at(open("AAA", Signal.Side.LONG, 1)), small, false));
        assertEquals(1, o.size());
        assertEquals(0.01 * full, weightOf(o.get(0)), 1e-12);
        // a short entry against a positive Kelly is dropped
        assertTrue(opens(run(at(open("AAA", Signal.Side.SHORT, 1)), small, true)).isEmpty());
        // the cap binds
        SizingSpec capped = small.withKelly(KellyMode.CONTINUOUS, 0.001 * full, Double.POSITIVE_INFINITY, 0);
        assertEquals(0.001 * full, weightOf(opens(run(at(open("AAA", Signal.Side.LONG, 1)), capped, false)).get(0)),
                1e-12);
    }

    @Test
    void inverseVolSplitsTheEntriesGrossByInverseVolatility() {
        Panel p = panel();
        double ia = 1 / sd(returns(p, 0));
        double ib = 1 / sd(returns(p, 1));
        SizingSpec spec = SizingSpec.of(SizingMethod.INVERSE_VOL).withLookback(LOOKBACK);
        List<TradeEvent> o = opens(run(at(open("AAA", Signal.Side.LONG, 0.3), open("BBB", Signal.Side.LONG, 0.3)),
                spec, false));
        assertEquals(0.6 * ia / (ia + ib), weightOf(o.get(0)), 1e-12);
        assertEquals(0.6 * ib / (ia + ib), weightOf(o.get(1)), 1e-12);
    }

    @Test
    void volTargetScalesTheEntriesTogetherKeepingTheirProportions() {
        SizingSpec spec = SizingSpec.of(SizingMethod.VOL_TARGET).withLookback(LOOKBACK).withVolTarget(0.1, 3);
        List<TradeEvent> o = opens(run(at(open("AAA", Signal.Side.LONG, 0.4), open("BBB", Signal.Side.SHORT, 0.2)),
                spec, true));
        assertEquals(2, o.size());
        // usdm sells fill before buys: BBB's short first
        double wa = weightOf(o.get(1));
        double wb = weightOf(o.get(0));
        assertEquals(-2.0, wa / wb, 1e-9, "the legs keep the strategy's 2:1 (the short row's qty is negative)");
        assertTrue(Math.abs(wa - 0.4) > 1e-6, "vol targeting changed the scale");
    }

    @Test
    void aLegacyStrategyIsSizedThroughItsAdapterWithTheSameEntries() {
        Panel p = randomWalk(200);
        SmaCrossTpslStrategy sma = new SmaCrossTpslStrategy(3, 8, 0.1, 0.05, 1, w -> { });
        var config = Fixtures.spotClose().build();
        BacktestResult plain = Simulator.run(p, config, StrategyInput.legacy(sma, 1));
        BacktestResult sized = Simulator.run(p, config, StrategyInput.signals(
                new SignalSizer(new LegacySignalAdapter(sma, 1), SizingSpec.of(SizingMethod.FIXED_FRACTION)
                        .withFraction(0.5))));
        List<TradeEvent> a = opens(plain);
        List<TradeEvent> b = opens(sized);
        assertTrue(a.size() >= 3, "the walk must trade");
        assertEquals(a.stream().map(e -> e.time() + e.symbol()).toList(),
                b.stream().map(e -> e.time() + e.symbol()).toList(), "one position at a time: the same entries");
        for (TradeEvent e : b) {
            int t = java.util.Arrays.binarySearch(p.times(), e.time());
            // R19: weight × E_t, the decision equity; no costs and a fill at that close, so E_t is the bar's equity
            assertEquals(0.5, e.qty() * e.price() / sized.equity()[t], 1e-12, e.toString());
        }
    }
}
