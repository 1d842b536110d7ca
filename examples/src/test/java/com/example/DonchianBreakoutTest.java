package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.backtest.Backtest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.ledger.Ledger;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.TargetWeights;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@link DonchianBreakout}: entries, exits, the volatility scaling, the gross cap, causality and its config. */
class DonchianBreakoutTest {
    private static final long T0 = 1_704_067_200_000L;
    private static final long DAY = Interval.D1.millis();

    /** Daily bars of one symbol per close series, high/low 0.5 around the close. */
    private static Panel panel(String[] symbols, double[][] closes) {
        PanelBuilder b = Panel.builder(Interval.D1, symbols);
        for (int i = 0; i < symbols.length; i++) {
            for (int t = 0; t < closes[i].length; t++) {
                double c = closes[i][t];
                b.bar(symbols[i], T0 + t * DAY, c, c + 0.5, c - 0.5, c, 1000);
            }
        }
        return b.build();
    }

    /** 100, 101, 100, 101, … for {@code bars} bars, then {@code tail}. */
    private static double[] zigzagThen(int bars, double... tail) {
        double[] out = new double[bars + tail.length];
        for (int t = 0; t < bars; t++) {
            out[t] = t % 2 == 0 ? 100 : 101;
        }
        System.arraycopy(tail, 0, out, bars, tail.length);
        return out;
    }

    private static double weight(TargetWeights w, int t, int i) {
        return w.weights()[t * w.symbols() + i];
    }

    /** Annualised sample stdev of the last {@code n} log returns ending at {@code t}, as the Javadoc defines it. */
    private static double sigma(double[] c, int t, int n) {
        double[] r = new double[n];
        double mean = 0;
        for (int k = 0; k < n; k++) {
            r[k] = Math.log(c[t - n + 1 + k] / c[t - n + k]);
            mean += r[k] / n;
        }
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (n - 1)) * Math.sqrt(365);
    }

    @Test
    void entersOnTheBreakoutSizedToTheVolTargetAndExitsBelowTheLowerChannel() {
        // bars 0..9 zigzag 100/101 (channel high 101.5, low 99.5); bar 10 closes 103 > 101.5: long;
        // bar 11 at 102 stays long (above the 3-bar low); bar 12 at 99 < 3-bar low of bars 9..11 (100.5): flat.
        double[] c = zigzagThen(10, 103, 102, 99, 100);
        DonchianBreakout s = new DonchianBreakout(5, 3, 4, 0.1, 1.0);
        TargetWeights w = s.targets(panel(new String[] {"A"}, new double[][] {c}));
        for (int t = 0; t < 10; t++) {
            assertTrue(w.decision()[t]);
            assertEquals(0.0, weight(w, t, 0), "bar " + t);
        }
        assertEquals(Math.min(1.0, 0.1 / sigma(c, 10, 4)), weight(w, 10, 0), 1e-12);
        assertEquals(Math.min(1.0, 0.1 / sigma(c, 11, 4)), weight(w, 11, 0), 1e-12);
        assertTrue(weight(w, 10, 0) > 0 && weight(w, 10, 0) < 1, "scaled below the cap: " + weight(w, 10, 0));
        assertEquals(0.0, weight(w, 12, 0));
        assertEquals(0.0, weight(w, 13, 0)); // 100 is inside the channel: stays flat
    }

    @Test
    void eachSymbolGetsItsShareOfTheTargetAndGrossNeverExceedsOne() {
        double[] a = zigzagThen(10, 110, 111);
        double[] b = zigzagThen(10, 120, 121);
        Panel p = panel(new String[] {"A", "B"}, new double[][] {a, b});
        TargetWeights low = new DonchianBreakout(5, 3, 4, 0.02, 1.0).targets(p);
        assertEquals(0.01 / sigma(a, 10, 4), weight(low, 10, 0), 1e-12); // targetVol / N / σ
        assertEquals(0.01 / sigma(b, 10, 4), weight(low, 10, 1), 1e-12);
        TargetWeights high = new DonchianBreakout(5, 3, 4, 50, 0.8).targets(p);
        assertEquals(0.5, weight(high, 10, 0), 1e-15); // both capped at 0.8, then scaled to sum 1
        assertEquals(0.5, weight(high, 10, 1), 1e-15);
    }

    @Test
    void aDecisionReadsNoLaterBar() {
        Random rnd = new Random(11);
        double[] c = new double[120];
        c[0] = 100;
        for (int t = 1; t < c.length; t++) {
            c[t] = c[t - 1] * Math.exp(0.03 * rnd.nextGaussian());
        }
        DonchianBreakout s = new DonchianBreakout(10, 5, 10, 0.3, 1);
        TargetWeights whole = s.targets(panel(new String[] {"A"}, new double[][] {c}));
        double[] cut = c.clone();
        for (int t = 80; t < cut.length; t++) {
            cut[t] *= 3;
        }
        TargetWeights changed = s.targets(panel(new String[] {"A"}, new double[][] {cut}));
        int longs = 0;
        for (int t = 0; t < 80; t++) {
            assertEquals(weight(whole, t, 0), weight(changed, t, 0), "bar " + t);
            longs += weight(whole, t, 0) > 0 ? 1 : 0;
        }
        assertTrue(longs > 5 && longs < 75, longs + " long bars");
    }

    @Test
    void rejectsBadParamsWithTheirNames() {
        assertEquals("vol_lookback must be >= 2 returns (ddof 1), got 1",
                assertThrows(IllegalArgumentException.class, () -> new DonchianBreakout(20, 10, 1, 0.4, 0.25)).getMessage());
        assertEquals("max_weight must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new DonchianBreakout(20, 10, 20, 0.4, 1.5)).getMessage());
    }

    @Test
    void theExampleConfigBindsTheClassAndBacktests() {
        String root = System.getProperty("quantlake.root", "");
        Assumptions.assumeTrue(!root.isEmpty(), "system property quantlake.root not set (run through Maven)");
        Path file = Path.of(root, "examples", "configs", "donchian_breakout.yaml");
        BacktestConfig c = BacktestConfig.load(file);
        assertEquals("com.example.DonchianBreakout", c.strategy().name());
        assertEquals(new DonchianBreakout(20, 10, 20, 0.4, 0.25),
                ((ConfiguredStrategy.Weight) c.strategy().built()).strategy());
        assertEquals(0.02, c.rebalance().band());
        Random rnd = new Random(5);
        String[] symbols = c.universe().toArray(new String[0]);
        double[][] closes = new double[symbols.length][400];
        for (double[] s : closes) {
            s[0] = 100;
            for (int t = 1; t < s.length; t++) {
                s[t] = s[t - 1] * Math.exp(0.0015 + 0.03 * rnd.nextGaussian());
            }
        }
        Ledger l = Backtest.run(panel(symbols, closes), c, Map.of(), Map.of()).result().ledger();
        assertTrue(l.size() > 20, l.size() + " ledger rows");
        String bad = ConfigLoader.load(file).text().replace("vol_lookback: 20", "vol_lookback: 1");
        assertEquals("config key `strategy.params` must be accepted by com.example.DonchianBreakout, got "
                + "{\"entry_bars\":20,\"exit_bars\":10,\"vol_lookback\":1,\"target_vol\":0.4,\"max_weight\":0.25}: its "
                + "constructor threw IllegalArgumentException: vol_lookback must be >= 2 returns (ddof 1), got 1 "
                + "(file x.yaml)", assertThrows(ConfigException.class,
                        () -> BacktestConfig.bind(ConfigLoader.parse(bad, "file x.yaml"))).getMessage());
        assertFalse(c.rawYaml().isEmpty());
    }
}
