package io.quantlake.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowMetrics} stays bit-identical (sweep_results): the SHA-256 of every field's raw bits
 * over seeded random equity paths and windows (one or several segments, windows starting at bar 0,
 * single-bar windows) and over {@link WindowMetrics#ofReturns} of random return series (0 to 40
 * returns) equals the digest recorded before the formulas moved to the kernel's
 * {@link io.quantlake.metrics.ReturnMetrics}.
 */
class WindowMetricsBitsTest {
    @Test
    void randomWindowsKeepTheirBits() throws Exception {
        Random rnd = new Random(20261206);
        List<WindowMetrics> rows = new ArrayList<>();
        double[] ppys = {365, 8760, 525_600, 1};
        for (int c = 0; c < 300; c++) {
            int bars = 2 + rnd.nextInt(80);
            double[] e = new double[bars];
            double[] lev = new double[bars];
            boolean[] inv = new boolean[bars];
            double[] traded = new double[bars];
            double[] fees = new double[bars];
            double v = 100 + rnd.nextDouble() * 1e4;
            for (int t = 0; t < bars; t++) {
                int kind = rnd.nextInt(5);
                v = kind == 0 ? v : v * (1 + rnd.nextGaussian() * (kind == 1 ? 0.3 : 0.02));
                e[t] = v;
                lev[t] = rnd.nextDouble() * 3;
                inv[t] = rnd.nextBoolean();
                traded[t] = rnd.nextBoolean() ? 0 : rnd.nextDouble() * 1e3;
                fees[t] = traded[t] * 1e-3;
            }
            EquityPath path = new EquityPath(ppys[c % 4], e, lev, inv, traded, fees);
            rows.add(WindowMetrics.of(path, BarWindow.of(0, bars)));
            rows.add(WindowMetrics.of(path, BarWindow.of(0, 1)));
            int a = rnd.nextInt(bars);
            rows.add(WindowMetrics.of(path, BarWindow.of(a, a + 1 + rnd.nextInt(bars - a))));
            if (bars > 6) {
                int s = rnd.nextInt(bars / 3);
                rows.add(WindowMetrics.of(path, new BarWindow(new int[] {s, bars / 2 + 1},
                        new int[] {bars / 2, bars})));
            }
        }
        for (int c = 0; c < 200; c++) {
            int n = rnd.nextInt(41);
            double[] r = new double[n + 3];
            for (int k = 0; k < r.length; k++) {
                r[k] = rnd.nextInt(6) == 0 ? 0 : rnd.nextGaussian() * 0.05;
            }
            rows.add(WindowMetrics.ofReturns(r, n, ppys[c % 4]));
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer b = ByteBuffer.allocate(8);
        for (WindowMetrics m : rows) {
            for (double x : new double[] {m.returns(), m.totalReturn(), m.cagr(), m.volatility(), m.sharpe(),
                    m.sortino(), m.maxDrawdown(), m.calmar(), m.turnover(), m.fees(), m.meanLeverage(),
                    m.timeInMarket()}) {
                b.clear();
                sha.update(b.putLong(Double.doubleToRawLongBits(x)).array());
            }
        }
        assertEquals("c43d79750387bb84310840aa6d730cebd92861f7602b68ceff9136bf0e3704f4", HexFormat.of().formatHex(sha.digest()));
    }
}
