package io.quantlake.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts the generator promises to plant can be found in its output by ordinary research:
 * listings, delistings and gaps where the summary says; cointegration of the planted pairs and only
 * of them; positive momentum IC and negative short-term-reversal IC. Reads the files back with plain
 * Java, as a researcher's ingest would. The seed is 11; {@code mvn ... -Dquantlake.datasets.seed=N}
 * checks another (seeds 11, 12, 13, 99 and 2024 pass: the thresholds are not tuned to one draw).
 */
class PlantedFactsTest {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    @TempDir
    static Path dir;
    static GenerationSummary summary;
    static Path root;
    static long startMs;
    static int days;
    static final Map<String, TreeMap<Long, Double>> CLOSES = new java.util.HashMap<>();

    @BeforeAll
    static void generate() {
        root = dir.resolve("facts");
        SampleUniverseSpec spec = new SampleUniverseSpec(Long.getLong("quantlake.datasets.seed", 11), 30, LocalDate.of(2022, 1, 1), 3, 1, 12,
                EnumSet.of(Market.SPOT), 0, root);
        summary = SampleUniverseGenerator.generate(spec);
        startMs = spec.start().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        days = (int) (spec.end().toEpochDay() - spec.start().toEpochDay());
    }

    @Test
    void listedSymbolsStartAtTheirListingAndHaveNoEarlierFile() {
        List<ListingEvent> listings = summary.events(ListingEvent.Kind.LISTING);
        assertEquals(3, listings.size(), "max(2, round(30 / 10)) listings");
        for (ListingEvent e : listings) {
            TreeMap<Long, Double> closes = closes(e.symbol());
            assertEquals(Math.floorDiv(e.time(), DAY) * DAY, closes.firstKey(), e.symbol() + " first 1d bar");
            assertTrue(e.time() > startMs + 30 * DAY, e.symbol() + " listed mid-sample");
            YearMonth before = YearMonth.from(Instant.ofEpochMilli(e.time()).atOffset(ZoneOffset.UTC)).minusMonths(1);
            Path earlier = root.resolve("spot/monthly/klines/" + e.symbol() + "/1d/" + e.symbol() + "-1d-" + before + ".zip");
            assertFalse(Files.exists(earlier), earlier + " must not exist");
        }
    }

    @Test
    void delistedSymbolsEndBeforeTheirDelisting() {
        List<ListingEvent> delistings = summary.events(ListingEvent.Kind.DELISTING);
        assertEquals(2, delistings.size(), "max(2, round(30 / 20)) delistings");
        for (ListingEvent e : delistings) {
            TreeMap<Long, Double> closes = closes(e.symbol());
            // the last 1h bar opens at time - 1h, so the last 1d bar is the day holding that hour
            assertEquals(Math.floorDiv(e.time() - HOUR, DAY) * DAY, closes.lastKey(), e.symbol() + " last 1d bar");
            assertEquals(startMs, closes.firstKey(), e.symbol() + " traded from the start");
        }
    }

    @Test
    void gapsAreWhereTheSummarySaysAndNowhereElse() {
        assertTrue(summary.gaps().stream().anyMatch(BarGap::wholeDays), "some whole-day gaps");
        assertTrue(summary.gaps().stream().anyMatch(g -> !g.wholeDays()), "some hour gaps");
        for (BarGap g : summary.gaps()) {
            TreeMap<Long, String[]> daily = ArchiveFiles.klines(root, "spot", g.symbol(), "1d");
            if (g.wholeDays()) {
                for (long t = g.start(); t < g.end(); t += DAY) {
                    assertFalse(daily.containsKey(t), g + ": day " + Instant.ofEpochMilli(t) + " must be missing");
                }
                assertTrue(daily.containsKey(g.start() - DAY) && daily.containsKey(g.end()), g + ": neighbours present");
            } else {
                TreeMap<Long, String[]> hourly = ArchiveFiles.klines(root, "spot", g.symbol(), "1h");
                for (long t = g.start(); t < g.end(); t += HOUR) {
                    assertFalse(hourly.containsKey(t), g + ": hour " + Instant.ofEpochMilli(t) + " must be missing");
                }
                assertTrue(hourly.containsKey(g.start() - HOUR) && hourly.containsKey(g.end()), g + ": neighbours present");
                assertTrue(daily.containsKey(Math.floorDiv(g.start(), DAY) * DAY), g + ": its day keeps a 1d bar");
            }
        }
        for (String s : summary.symbols()) {
            TreeMap<Long, Double> closes = closes(s);
            long expected = (closes.lastKey() - closes.firstKey()) / DAY + 1;
            for (BarGap g : summary.gaps()) {
                if (g.symbol().equals(s) && g.wholeDays()) {
                    expected -= g.hours() / 24;
                }
            }
            assertEquals(expected, closes.size(), s + ": 1d bars between its first and last, less planted gaps");
        }
    }

    @Test
    void plantedPairsAreCointegratedAndBtcEthIsNot() {
        assertEquals(3, summary.pairs().size());
        for (PlantedPair p : summary.pairs()) {
            double t = egT(p.y(), p.x());
            assertTrue(t < ResearchStats.EG_CRITICAL_5PCT, p + ": Engle-Granger t = " + t);
        }
        double t = egT("ETHUSDT", "BTCUSDT");
        assertTrue(t > ResearchStats.EG_CRITICAL_5PCT, "BTC/ETH is not planted, t = " + t);
    }

    @Test
    void unplantedPairsRarelyLookCointegrated() {
        List<String> plain = new ArrayList<>();
        for (String s : summary.symbols()) {
            boolean inPair = summary.pairs().stream().anyMatch(p -> p.x().equals(s) || p.y().equals(s));
            boolean event = summary.events().stream().anyMatch(e -> e.symbol().equals(s));
            if (!inPair && !event) {
                plain.add(s);
            }
        }
        int tested = 0;
        int rejected = 0;
        for (int a = 0; a < plain.size(); a++) {
            for (int b = a + 1; b < plain.size(); b++) {
                tested++;
                if (egT(plain.get(b), plain.get(a)) < ResearchStats.EG_CRITICAL_5PCT) {
                    rejected++;
                }
            }
        }
        assertTrue(tested >= 100, "enough unplanted pairs: " + tested);
        assertTrue(rejected <= 0.10 * tested, rejected + " of " + tested + " unplanted pairs look cointegrated");
    }

    /** Daily closes of {@code symbol} by open time, read once. */
    private static TreeMap<Long, Double> closes(String symbol) {
        return CLOSES.computeIfAbsent(symbol, s -> ArchiveFiles.closes(root, s));
    }

    /** Engle-Granger t of log closes over the days both symbols have. */
    private static double egT(String y, String x) {
        TreeMap<Long, Double> cy = closes(y);
        TreeMap<Long, Double> cx = closes(x);
        List<double[]> both = new ArrayList<>();
        for (Map.Entry<Long, Double> e : cy.entrySet()) {
            Double vx = cx.get(e.getKey());
            if (vx != null) {
                both.add(new double[] {Math.log(e.getValue()), Math.log(vx)});
            }
        }
        double[] ly = new double[both.size()];
        double[] lx = new double[both.size()];
        for (int t = 0; t < both.size(); t++) {
            ly[t] = both.get(t)[0];
            lx[t] = both.get(t)[1];
        }
        return ResearchStats.engleGrangerT(ly, lx);
    }

    @Test
    void pastThirtyDayReturnPredictsNextWeekCrossSectionally() {
        double[][] c = closeMatrix();
        List<Double> ics = new ArrayList<>();
        List<Double> weekly = new ArrayList<>();
        for (int t = 30; t + 7 < days; t++) {
            double ic = crossSectionalIc(c, t - 30, t, t + 7);
            if (!Double.isNaN(ic)) {
                ics.add(ic);
                if ((t - 30) % 7 == 0) {
                    weekly.add(ic);
                }
            }
        }
        double mean = ResearchStats.mean(toArray(ics));
        double t = ResearchStats.tStat(toArray(weekly));
        assertTrue(mean > 0.03, "mean momentum rank IC " + mean);
        assertTrue(t > 2.5, "momentum IC t-statistic " + t);
    }

    @Test
    void yesterdaysReturnReversesToday() {
        double[][] c = closeMatrix();
        List<Double> ics = new ArrayList<>();
        for (int t = 1; t + 1 < days; t++) {
            double ic = crossSectionalIc(c, t - 1, t, t + 1);
            if (!Double.isNaN(ic)) {
                ics.add(ic);
            }
        }
        double mean = ResearchStats.mean(toArray(ics));
        double t = ResearchStats.tStat(toArray(ics));
        assertTrue(mean < -0.03, "mean reversal rank IC " + mean);
        assertTrue(t < -4, "reversal IC t-statistic " + t);
    }

    /** Spearman of {@code c[b]/c[a] - 1} with {@code c[f]/c[b] - 1} over symbols with all three closes; NaN under 10. */
    private static double crossSectionalIc(double[][] c, int a, int b, int f) {
        int n = c[0].length;
        double[] past = new double[n];
        double[] next = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(c[a][i]) && !Double.isNaN(c[b][i]) && !Double.isNaN(c[f][i])) {
                past[k] = c[b][i] / c[a][i] - 1;
                next[k] = c[f][i] / c[b][i] - 1;
                k++;
            }
        }
        return k < 10 ? Double.NaN : ResearchStats.spearman(java.util.Arrays.copyOf(past, k), java.util.Arrays.copyOf(next, k));
    }

    /** Daily closes {@code [day][symbol]}, NaN where the symbol has no bar. */
    private static double[][] closeMatrix() {
        List<String> symbols = summary.symbols();
        double[][] c = new double[days][symbols.size()];
        for (double[] row : c) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < symbols.size(); i++) {
            for (Map.Entry<Long, Double> e : closes(symbols.get(i)).entrySet()) {
                c[(int) ((e.getKey() - startMs) / DAY)][i] = e.getValue();
            }
        }
        return c;
    }

    private static double[] toArray(List<Double> v) {
        double[] out = new double[v.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = v.get(k);
        }
        return out;
    }
}
