package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quantlake.lake.CandleStore;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every factor (the built-ins and {@link UserFactors}' expressions) and cross-sectional operation against
 * {@link DirectFactors} / {@link DirectCrossSection} on {@link SmallPanel} (gaps in BTCUSDT and ETHUSDT, quote-volume fallback in SOLUSDT, NEWUSDT
 * listed late), to 1e-12 relative; nulls exactly where the direct computation has no value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FactorEngineTest {
    static final double REL = 1e-12;

    static final List<Factor> FACTORS = List.of(
            new Momentum(10, 2), new Reversal(3), new RealizedVolatility(8), new RealizedVolatility(8, true),
            new DownsideVolatility(8), new Liquidity(5), new AmihudIlliquidity(6), new SizeProxy(5),
            new Beta(10, MarketProxy.btc()), new Beta(10, new MarketProxy.VolumeWeighted()),
            new IdiosyncraticVolatility(10, new MarketProxy.EqualWeighted()), new DistanceFromMovingAverage(7),
            new RatioToRollingHigh(12), new RiskAdjustedMomentum(10, 2, 8), new ReturnStability(8), new MaxDrawdown(9),
            new Skewness(9), UserFactors.VOL_ADJ_MOM, UserFactors.LAGGED_RATIO_MEAN, UserFactors.VOLUME_WEIGHTED_RETURN,
            UserFactors.RANGE_POSITION, UserFactors.VOLUME_SURPRISE);
    static final Composite COMBO = Composite.of("combo", new Momentum(10, 2), 1.0).plus(new RealizedVolatility(8), -0.5);

    private final SmallPanel panel = new SmallPanel(42L, SmallPanel.GRID);
    private final DirectFactors direct = new DirectFactors(panel);
    private FactorEngine engine;
    private Dataset<Row> wide;
    /** (symbol, grid index) → wide row with the cross-sectional test columns. */
    private final Map<String, Row> rows = new HashMap<>();

    @BeforeAll
    void computeOnce() {
        engine = new FactorEngine(FACTORS, List.of(COMBO));
        wide = wideWithCrossSections(panel).persist();
        rows.putAll(byCell(wide));
    }

    /** The engine's wide frame plus the cross-sectional operations under test, as columns. */
    private Dataset<Row> wideWithCrossSections(SmallPanel p) {
        CrossSection cs = CrossSection.perTimestamp();
        Column mom = col("mom_10_2");
        Dataset<Row> w = engine.wide(p.candles());
        List<Column> cols = new ArrayList<>();
        for (String c : w.columns()) {
            cols.add(col(c));
        }
        cols.add(cs.percentRank(mom).as("pr"));
        cols.add(cs.ordinalDescending(mom).as("ord"));
        cols.add(cs.zscore(mom).as("z"));
        cols.add(cs.winsorizeQuantile(mom, 0.25).as("wq"));
        cols.add(cs.winsorizeZ(mom, 0.5).as("wz"));
        cols.add(cs.neutralize(mom, col("beta_btcusdt_10")).as("neu"));
        cols.add(cs.ordinalDescending(lit(1.0)).as("ord_tie"));
        cols.add(cs.percentRank(lit(1.0)).as("pr_tie"));
        cols.add(cs.zscore(lit(1.0)).as("z_tie"));
        return w.select(cols.toArray(Column[]::new));
    }

    private static Map<String, Row> byCell(Dataset<Row> frame) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : frame.collectAsList()) {
            long ms = r.<Timestamp>getAs("ts").getTime();
            out.put(r.<String>getAs("symbol") + "@" + (ms - SmallPanel.T0) / SmallPanel.DAY, r);
        }
        return out;
    }

    @AfterAll
    void release() {
        wide.unpersist();
    }

    private Double cell(int s, int t, String column) {
        Row r = rows.get(SmallPanel.SYMBOLS[s] + "@" + t);
        return r == null ? null : r.<Double>getAs(column);
    }

    static void assertClose(String what, double expected, Object actual) {
        if (Double.isNaN(expected)) {
            assertNull(actual, what + ": expected no value (null)");
            return;
        }
        assertNotNull(actual, what + ": expected " + expected + ", got null");
        double a = ((Number) actual).doubleValue();
        double tol = REL * Math.max(Math.abs(expected), Math.abs(a));
        if (!(Math.abs(a - expected) <= tol)) {
            fail(what + ": expected " + expected + ", got " + a + " (relative error " + Math.abs(a - expected) / Math.abs(expected) + ")");
        }
    }

    @Test
    void everyFactorMatchesItsDirectComputationWithNullsBeforeWarmup() {
        assertEquals(4 * SmallPanel.GRID - 1 - 3 - 12, rows.size(), "one wide row per candle");
        for (Factor f : engine.factors()) {
            int checked = 0;
            for (int s = 0; s < SmallPanel.SYMBOLS.length; s++) {
                double[] expected = direct.values(f, s);
                for (int k = 0; k < expected.length; k++) {
                    String what = f.name() + " " + SmallPanel.SYMBOLS[s] + " own bar " + k;
                    assertClose(what, expected[k], cell(s, panel.grid[s][k], f.name()));
                    checked += Double.isNaN(expected[k]) ? 0 : 1;
                }
            }
            assertTrue(checked >= 40, f.name() + " has only " + checked + " values to check");
        }
        // NEWUSDT (listed at grid bar 12): mom_10_2 needs 11 own bars, first value at its own bar 10 = grid 22
        assertNull(cell(3, 21, "mom_10_2"));
        assertNotNull(cell(3, 22, "mom_10_2"));
        // BTCUSDT misses grid bar 30: beta to BTC is null while bar 30 is inside another symbol's 10-return window
        assertNull(cell(2, 30, "beta_btcusdt_10"));
        assertNull(cell(2, 39, "beta_btcusdt_10"));
        assertNotNull(cell(2, 29, "beta_btcusdt_10"));
        // SOLUSDT's quote volume falls back to close * volume at NaN (own bar 1) and null (own bar 3)
        assertClose("liq fallback", (panel.qv(2, 0) + panel.close[2][1] * panel.volume[2][1] + panel.qv(2, 2)
                + panel.close[2][3] * panel.volume[2][3] + panel.qv(2, 4)) / 5, cell(2, 4, "liq_5"));
    }

    @Test
    void crossSectionalOperationsMatchDirectComputationPerTimestamp() {
        int n = SmallPanel.SYMBOLS.length;
        int full = 0;
        for (int t = 0; t < SmallPanel.GRID; t++) {
            double[] mom = new double[n];
            double[] beta = new double[n];
            double[] rvol = new double[n];
            for (int s = 0; s < n; s++) {
                mom[s] = valueOrNaN(cell(s, t, "mom_10_2"));
                beta[s] = valueOrNaN(cell(s, t, "beta_btcusdt_10"));
                rvol[s] = valueOrNaN(cell(s, t, "rvol_8"));
            }
            double[] pr = DirectCrossSection.percentRank(mom);
            double[] ord = DirectCrossSection.ordinalDescending(mom, SmallPanel.SYMBOLS);
            double[] z = DirectCrossSection.zscore(mom);
            double[] wq = DirectCrossSection.winsorizeQuantile(mom, 0.25);
            double[] wz = DirectCrossSection.winsorizeZ(mom, 0.5);
            double[] neu = DirectCrossSection.neutralize(mom, beta);
            double[] zv = DirectCrossSection.zscore(rvol);
            for (int s = 0; s < n; s++) {
                if (rows.get(SmallPanel.SYMBOLS[s] + "@" + t) == null) {
                    continue;
                }
                String at = SmallPanel.SYMBOLS[s] + " grid " + t;
                assertClose("percent rank " + at, pr[s], cell(s, t, "pr"));
                Object ordinal = rows.get(SmallPanel.SYMBOLS[s] + "@" + t).getAs("ord");
                assertClose("ordinal " + at, ord[s], ordinal);
                assertClose("zscore " + at, z[s], cell(s, t, "z"));
                assertClose("winsorize q " + at, wq[s], cell(s, t, "wq"));
                assertClose("winsorize z " + at, wz[s], cell(s, t, "wz"));
                assertClose("neutralize " + at, neu[s], cell(s, t, "neu"));
                double combo = Double.isNaN(z[s]) || Double.isNaN(zv[s]) ? Double.NaN : z[s] - 0.5 * zv[s];
                assertClose("composite " + at, combo, cell(s, t, "combo"));
                full += Double.isNaN(neu[s]) ? 0 : 1;
            }
        }
        assertTrue(full >= 30, "only " + full + " neutralized values checked");
        // all tied: ordinal by symbol name ascending, percent rank 0 (the shared lowest rank), no z-score (sd = 0)
        Row tieNew = rows.get("NEWUSDT@39");
        Row tieSol = rows.get("SOLUSDT@39");
        assertEquals(3, tieNew.<Integer>getAs("ord_tie"), "BTCUSDT, ETHUSDT, NEWUSDT, SOLUSDT");
        assertEquals(4, tieSol.<Integer>getAs("ord_tie"));
        assertEquals(0.0, tieSol.<Double>getAs("pr_tie"));
        assertNull(tieSol.getAs("z_tie"));
    }

    @Test
    void longLayoutHoldsValueRankAndZscorePerFactorAndTimestamp() {
        Dataset<Row> longTable = FactorEngine.toLong(wide, engine.names());
        assertEquals(List.of("market", "interval", "factor", "symbol", "ts", "value", "rank", "zscore"),
                List.of(longTable.columns()));
        List<Row> momRows = new ArrayList<>();
        long total = 0;
        for (Row r : longTable.where(col("factor").isin("mom_10_2", "combo")).collectAsList()) {
            total++;
            if (r.getString(2).equals("mom_10_2")) {
                momRows.add(r);
            }
        }
        int withValue = 0;
        for (Row r : rows.values()) {
            withValue += r.getAs("mom_10_2") == null ? 0 : 1;
            withValue += r.getAs("combo") == null ? 0 : 1;
        }
        assertEquals(withValue, total, "one long row per non-null wide value");
        for (Row r : momRows) {
            int t = (int) ((r.getTimestamp(4).getTime() - SmallPanel.T0) / SmallPanel.DAY);
            Row w = rows.get(r.getString(3) + "@" + t);
            assertEquals("spot", r.getString(0));
            assertEquals("1d", r.getString(1));
            assertEquals(w.<Double>getAs("mom_10_2"), r.getDouble(5));
            assertClose("rank " + r, w.<Double>getAs("pr"), r.get(6));
            assertClose("zscore " + r, w.<Double>getAs("z"), r.get(7));
        }
    }

    @Test
    void factorFeaturesAlignWithPanelGridAndUniverse() {
        String[] universe = {"NEWUSDT", "BTCUSDT", "XRPUSDT"};
        PanelBuilder b = Panel.builder(Interval.D1, universe);
        for (int s : new int[] {3, 0}) {
            for (int k = 0; k < panel.grid[s].length; k++) {
                double c = panel.close[s][k];
                b.bar(SmallPanel.SYMBOLS[s], SmallPanel.time(panel.grid[s][k]), c, c, c, c, panel.volume[s][k]);
            }
        }
        Panel withFactors = CandleStore.withFeatures(b.build(), wide.withColumnRenamed(FactorFrame.TS, "open_time"),
                List.of("rev_3", "combo"));
        long[] times = withFactors.times();
        assertEquals(SmallPanel.GRID, times.length);
        double[] rev = withFactors.feature("rev_3");
        double[] combo = withFactors.feature("combo");
        for (int t = 0; t < times.length; t++) {
            int g = (int) ((times[t] - SmallPanel.T0) / SmallPanel.DAY);
            assertEquals(valueOrNaN(cell(3, g, "rev_3")), rev[t * 3], "NEWUSDT rev_3 at " + g);
            assertEquals(valueOrNaN(cell(0, g, "rev_3")), rev[t * 3 + 1], "BTCUSDT rev_3 at " + g);
            assertEquals(valueOrNaN(cell(0, g, "combo")), combo[t * 3 + 1], "BTCUSDT combo at " + g);
            assertTrue(Double.isNaN(rev[t * 3 + 2]), "XRPUSDT has no data");
        }
        assertTrue(Double.isNaN(rev[30 * 3 + 1]), "BTCUSDT has no bar at grid 30");
        assertTrue(!Double.isNaN(rev[30 * 3]) && !Double.isNaN(rev[29 * 3 + 1]), "values around the gap");
    }

    @Test
    void noLookAheadValuesUpToTUnchangedWhenLaterBarsChange() {
        int cut = 25;
        Map<String, Row> perturbed = byCell(wideWithCrossSections(new SmallPanel(42L, cut)));
        assertEquals(rows.keySet(), perturbed.keySet());
        int changedLater = 0;
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            int t = Integer.parseInt(e.getKey().substring(e.getKey().indexOf('@') + 1));
            Row before = e.getValue();
            Row after = perturbed.get(e.getKey());
            for (int c = 0; c < before.length(); c++) {
                if (t <= cut) {
                    assertEquals(before.get(c), after.get(c), before.schema().fields()[c].name() + " at " + e.getKey());
                } else if (before.get(c) != null && !before.get(c).equals(after.get(c))) {
                    changedLater++;
                }
            }
        }
        assertTrue(changedLater > 100, "the perturbation must change later values, changed " + changedLater);
    }

    @Test
    void anExpressionSparkCannotAnalyseIsOneLineNamingFactorAndFileBeforeAnyJob() {
        UserFactor arity = new UserFactor("two_args", "avg(close, volume) over last 3", UserFactors.ORIGIN);
        FactorEngine bad = new FactorEngine(List.of(new Momentum(10, 2), arity), List.of());
        String msg = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> bad.wide(panel.candles())).getMessage();
        assertTrue(msg.startsWith("factor two_args (file test/user-factors.yaml): Spark cannot analyse it: ")
                && msg.endsWith(" in `avg(close, volume) over last 3`") && !msg.contains("\n"), msg);
    }

    private static double valueOrNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
