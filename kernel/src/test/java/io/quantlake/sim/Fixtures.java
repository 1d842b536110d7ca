package io.quantlake.sim;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.strategy.TargetWeights;
import java.util.Arrays;

/** Small inline panels and configs for the kernel's golden tests (daily bars from 2024-01-01). */
public final class Fixtures {
    public static final long T0 = 1_704_067_200_000L;
    public static final long DAY = 86_400_000L;

    private Fixtures() {
    }

    /** A daily panel builder over {@code symbols}. */
    public static PanelBuilder daily(String... symbols) {
        return Panel.builder(Interval.D1, symbols);
    }

    /** Adds bars {@code {open, high, low, close}} for {@code symbol} on days {@code fromDay, fromDay+1, ...}. */
    public static PanelBuilder bars(PanelBuilder b, String symbol, int fromDay, double[]... ohlc) {
        for (int k = 0; k < ohlc.length; k++) {
            double[] x = ohlc[k];
            b.bar(symbol, T0 + (fromDay + k) * DAY, x[0], x[1], x[2], x[3], 1.0);
        }
        return b;
    }

    /** Flat bars (open = high = low = close) with the given closes. */
    public static PanelBuilder flat(PanelBuilder b, String symbol, int fromDay, double... closes) {
        for (int k = 0; k < closes.length; k++) {
            double c = closes[k];
            b.bar(symbol, T0 + (fromDay + k) * DAY, c, c, c, c, 1.0);
        }
        return b;
    }

    public static double[] ohlc(double o, double h, double l, double c) {
        return new double[] {o, h, l, c};
    }

    /** Target weights with the given decision rows: {@code rows[t]} null = no decision at {@code t}. */
    public static TargetWeights weights(double[]... rows) {
        int bars = rows.length;
        int n = 0;
        for (double[] r : rows) {
            if (r != null) {
                n = r.length;
            }
        }
        boolean[] decision = new boolean[bars];
        double[] w = new double[bars * n];
        Arrays.fill(w, Double.NaN);
        for (int t = 0; t < bars; t++) {
            if (rows[t] != null) {
                decision[t] = true;
                System.arraycopy(rows[t], 0, w, t * n, n);
            }
        }
        return new TargetWeights(bars, n, decision, w);
    }

    /** Spot, capital 1000, no costs, fills at the close. */
    public static SimConfig.Builder spotClose() {
        return SimConfig.builder(Market.SPOT, 1000).executionPrice(ExecutionPrice.CLOSE);
    }

    /** usdm, capital 1000, no costs, fills at the close, funding.missing zero. */
    public static SimConfig.Builder usdmClose() {
        return SimConfig.builder(Market.USDM, 1000).executionPrice(ExecutionPrice.CLOSE)
                .fundingMissing(FundingMissing.ZERO);
    }

    public static double[] row(double... w) {
        return w;
    }

    /**
     * The real daily/hourly Binance spot candles of {@code universe} from shared/data/binance-spot-2024/{interval}
     * (found through the system property {@code quantlake.shared}); the calling test is skipped when they are absent.
     */
    public static Panel sharedSpotPanel(String interval, String... universe) throws java.io.IOException {
        String shared = System.getProperty("quantlake.shared");
        java.nio.file.Path dir = shared == null ? null : java.nio.file.Path.of(shared, "data", "binance-spot-2024", interval);
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null && java.nio.file.Files.isDirectory(dir),
                "shared data not found (system property quantlake.shared=" + shared + "); skipping real-data test");
        PanelBuilder b = Panel.builder(Interval.parse(interval), universe);
        for (String s : universe) {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(dir.resolve(s + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                b.bar(s, Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
            }
        }
        return b.build();
    }
}
