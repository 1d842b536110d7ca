package io.quantlake.strategy.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.TargetWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Smoke test on real Binance spot 1d candles (shared/data/binance-spot-2024): BTC, ETH, SOL, XRP
 * from 2024-01-01, WIF listed 2024-03-05; BTC and ETH end a day earlier (09-05) than the others,
 * so 09-05 is their delisting bar (R5).
 */
class ReferenceStrategiesRealDataTest {
    static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "WIFUSDT"};
    static Panel panel;

    @BeforeAll
    static void load() throws IOException {
        String shared = System.getProperty("quantlake.shared", "");
        Path dir = Path.of(shared, "data", "binance-spot-2024", "1d");
        Assumptions.assumeTrue(!shared.isEmpty() && Files.isDirectory(dir),
                "real-data smoke test skipped: " + dir + " not found (system property quantlake.shared)");
        PanelBuilder b = Panel.builder(Interval.D1, SYMBOLS);
        for (String s : SYMBOLS) {
            List<String> lines = Files.readAllLines(dir.resolve(s + ".csv"));
            assertEquals("open_time,open,high,low,close,volume", lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                b.bar(s, Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
            }
        }
        panel = b.build();
    }

    private static List<String> decisionDates(TargetWeights tw) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < tw.bars(); t++) {
            if (tw.decision()[t]) {
                out.add(Instant.ofEpochMilli(panel.times()[t]).toString().substring(0, 10));
            }
        }
        return out;
    }

    private static double w(TargetWeights tw, String date, String symbol) {
        int t = java.util.Arrays.binarySearch(panel.times(), TestPanels.day(date));
        return tw.weights()[panel.at(t, panel.indexOf(symbol))];
    }

    @Test
    void monthlyRebalance() {
        TargetWeights tw = new MonthlyRebalanceStrategy(
                Map.of("BTCUSDT", 0.4, "ETHUSDT", 0.3, "SOLUSDT", 0.2, "WIFUSDT", 0.1), 1).targets(panel);
        assertEquals(List.of("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01",
                "2024-07-01", "2024-08-01", "2024-09-01"), decisionDates(tw));
        assertEquals(0.0, w(tw, "2024-03-01", "WIFUSDT")); // listed 03-05
        assertEquals(0.1, w(tw, "2024-04-01", "WIFUSDT"));
        assertEquals(0.0, w(tw, "2024-04-01", "XRPUSDT")); // no target
        assertEquals(0.4, w(tw, "2024-09-01", "BTCUSDT"));
    }

    @Test
    void inverseVolSumsToOneAtEachDecision() {
        TargetWeights tw = new InverseVolStrategy(20, new RebalanceSchedule.Weekly(1)).targets(panel);
        List<String> dates = decisionDates(tw);
        // Monday 01-15 is bar 14 (15 own bars < 21): no decision; Monday 01-22 is bar 21
        assertEquals("2024-01-22", dates.get(0));
        assertEquals(33, dates.size()); // Mondays 01-22 .. 09-02
        for (int t = 0; t < tw.bars(); t++) {
            if (tw.decision()[t]) {
                double sum = 0;
                for (int i = 0; i < tw.symbols(); i++) {
                    double x = tw.weights()[t * tw.symbols() + i];
                    assertTrue(x >= 0 && x < 1, "weight " + x);
                    sum += x;
                }
                assertEquals(1.0, sum, 1e-12);
            }
        }
        // WIF listed 03-05 has 21 own bars from 03-25: 0 on Monday 03-18, positive on 03-25
        assertEquals(0.0, w(tw, "2024-03-18", "WIFUSDT"));
        assertTrue(w(tw, "2024-03-25", "WIFUSDT") > 0);
    }

    @Test
    void marketNeutralLongsAndShortsSumToTheirRatios() {
        TargetWeights tw = MarketNeutralStrategy.momentum(20, 1, 2, 2, 1.0, 0.8, new RebalanceSchedule.Monthly(1))
                .targets(panel);
        List<String> dates = decisionDates(tw);
        assertEquals(List.of("2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01", "2024-07-01",
                "2024-08-01", "2024-09-01"), dates);
        for (int t = 0; t < tw.bars(); t++) {
            if (tw.decision()[t]) {
                double longs = 0;
                double shorts = 0;
                for (int i = 0; i < tw.symbols(); i++) {
                    double x = tw.weights()[t * tw.symbols() + i];
                    longs += Math.max(x, 0);
                    shorts += Math.min(x, 0);
                }
                assertEquals(1.0, longs, 1e-12);
                assertEquals(-0.8, shorts, 1e-12);
            }
        }
    }

    @Test
    void smaCrossTpslBuysSometimes() {
        SmaCrossTpslStrategy s = new SmaCrossTpslStrategy(5, 20, 0.1, 0.05, 2);
        int i = panel.indexOf("BTCUSDT");
        double[] close = new double[panel.bars()];
        long[] times = new long[panel.bars()];
        int count = 0;
        int buys = 0;
        CandleWindow w = new CandleWindow();
        for (int t = 0; t < panel.bars(); t++) {
            if (panel.hasBar(t, i)) {
                close[count] = panel.close()[panel.at(t, i)];
                times[count++] = panel.times()[t];
                if (count >= s.warmupBars() && s.decide(w.reset("BTCUSDT", times, close, close, close, close, close, 0,
                        count), Interval.D1) != null) {
                    buys++;
                }
            }
        }
        assertTrue(buys >= 3 && buys <= 30, "BTC 5/20 SMA cross-ups in 2024: " + buys);
    }
}
