package io.quantlake.sweep;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.backtest.Backtest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeWriter;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBlocks;
import io.quantlake.spark.SharedSpark;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.BroadcastBlockId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sweep whose panel is over a tiny memory budget (issue 13, item 6): the driver reads it from the lake and
 * broadcasts it in chunks of grid rows, each set runs in many time blocks fetching the chunks it needs, and every
 * result equals the whole-panel sweep's bit for bit: inverse_vol, market_neutral and sma_cross_tpsl under
 * walk-forward windows (and market_neutral under purged k-fold) as Spark tasks run them, and a factor strategy
 * (its factors computed by Spark over the lake, chunk by chunk) end to end through {@link Sweep#run}, every
 * {@code sweep_results} row compared. The universe has a late listing, a delisting and a gap. Few Spark reads: the
 * three kinds without factors share one panel.
 */
class SweepBlocksTest {
    /**
     * Budget of 80 grid bars of 3 symbols with 2 feature columns ({@link Backtest#bytesPerBar}), shared by the two
     * tasks of {@code local[2]}: 40-bar chunks and blocks (less the warm-up) for the factor sets, 47 for the others.
     */
    private static final long BUDGET = 80 * Backtest.bytesPerBar(3, 2);
    private static final String[][] VARIANTS = {
        {"inverse_vol", "{lookback: 20, schedule: {every: 5}, band: 0}",
            "grid: {lookback: [10, 30], schedule: [{every: 5}, {every: 1}]}"},
        {"market_neutral", "{lookback: 10, top: 1, bottom: 1, long_ratio: 1, short_ratio: 1, schedule: {every: 3}}",
            "grid: {lookback: [5, 20], skip: [0, 2], top: [1], bottom: [1]}"},
        {"sma_cross_tpsl", "{fast: 5, slow: 20, take_profit: 0.1, stop_loss: 0.05, max_positions: 2}",
            "grid: {fast: [3, 5], slow: [10, 20], take_profit: [0.1], stop_loss: [0.05], max_positions: [2]}"},
        {"factor", "{factors: [{name: mom_10_2, weight: 1.0}, {name: rvol_10, weight: -0.5}], mode: long_only,"
            + " top_quantile: 0.4, weighting: score, schedule: {every: 5}}",
            "grid: {schedule: [{every: 5}, {every: 2}]}"},
    };
    private static Lake lake;

    @BeforeAll
    static void lake() {
        lake = Lake.at(SharedSpark.spark(), SharedSpark.newTempDir("sweep-blocks-lake").toString());
        List<CandleBar> candles = new ArrayList<>();
        for (CandleBar c : SweepFixtures.candles()) {
            long t = (c.openTime() - SweepFixtures.T0) / SweepFixtures.DAY;
            boolean unlisted = c.symbol().equals("CCCUSDT") && t < 35; // listed at bar 35
            boolean delisted = c.symbol().equals("BBBUSDT") && t > 170; // last bar 170
            boolean gap = c.symbol().equals("AAAUSDT") && t >= 90 && t < 96;
            if (!unlisted && !delisted && !gap) {
                candles.add(c);
            }
        }
        new LakeWriter(lake).ingest(new IngestBatch(1, candles.size(), candles, List.of(), List.of(), List.of()));
    }

    private static SweepConfig sweep(String[] v, String validation) {
        String yaml = SweepFixtures.BASE_YAML.replace("name: inverse_vol", "name: " + v[0])
                .replace("params: {lookback: 20, schedule: {every: 5}, band: 0}", "params: " + v[1]);
        BacktestConfig base = BacktestConfig.bind(ConfigLoader.parse(yaml, "variant " + v[0]));
        return SweepConfig.bind(ConfigLoader.parse(v[2] + "\n" + validation + "\nprogress: {chunk_sets: 2, seconds: 60}\n",
                "sweep " + v[0]), base);
    }

    @Test
    void setsInTimeBlocksFromBroadcastChunksMatchTheWholePanelBitForBit() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SharedSpark.spark().sparkContext());
        // the three kinds read no factor: one panel serves them (whole, and in broadcast chunks)
        List<SweepConfig> configs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            configs.add(sweep(VARIANTS[k], "validation: {walk_forward: {train_bars: 60, test_bars: 40, step_bars: 30}}"));
        }
        configs.add(sweep(VARIANTS[1], "validation: {purged_kfold: {folds: 4, embargo_bars: 5}}"));
        List<String> log = new ArrayList<>();
        PanelData whole = LakeInputs.read(lake, configs.get(0), Long.MAX_VALUE, log::add);
        PanelData blocked = LakeInputs.read(lake, configs.get(0), BUDGET, log::add);
        assertFalse(whole.blocked());
        assertTrue(blocked.blocked());
        assertTrue(log.stream().anyMatch(l -> l.contains("broadcast in ") && l.contains("time blocks")),
                String.join("\n", log));
        assertEquals(SweepFixtures.BARS, blocked.bars());
        assertTrue(Arrays.equals(whole.times(), blocked.times()));
        PanelData shipped = blocked.shipped(jsc);
        try {
            BroadcastPanelSource chunks = shipped.chunks();
            assertEquals(5, chunks.chunkCount());
            for (SweepConfig cfg : configs) {
                String what = cfg.base().strategy().name() + " " + cfg.validation();
                List<Fold> folds = cfg.validation().folds(whole.bars());
                List<ParameterSet> sets = cfg.parameterSets();
                for (ParameterSet set : sets) { // many blocks: a task's share of the budget less the warm-up
                    int blockBars = PanelBlocks.blockBars(BUDGET / 2, Backtest.bytesPerBar(3, 0),
                            Backtest.blockWarmup(cfg.backtest(set)));
                    assertTrue(SweepFixtures.BARS / blockBars >= 4, what + " " + set.json() + ": " + blockBars);
                }
                List<SetResult> expected = run(jsc, whole, cfg, folds, sets);
                List<SetResult> got = run(jsc, shipped, cfg, folds, sets);
                assertEquals(4, got.size(), what);
                for (int k = 0; k < expected.size(); k++) {
                    assertSameBits(expected.get(k), got.get(k), what + " set " + sets.get(k).json());
                }
            }
            // each chunk is held serialized only: its deserialized copy was released after use
            for (Broadcast<?> b : chunks.chunks()) {
                assertFalse(SparkEnv.get().blockManager().memoryStore().contains(new BroadcastBlockId(b.id(), "")),
                        "chunk broadcast " + b.id() + " still deserialized in the block manager");
                assertTrue(SparkEnv.get().blockManager().memoryStore().contains(new BroadcastBlockId(b.id(),
                        "piece0")), "chunk broadcast " + b.id() + " lost its pieces");
            }
        } finally {
            shipped.destroy();
        }
    }

    @Test
    void aSweepOverTheBudgetWritesTheWholePanelSweepsRows() {
        SweepConfig cfg = sweep(VARIANTS[3], "validation: {walk_forward: {train_bars: 60, test_bars: 40, step_bars: 30}}");
        List<String> progress = new ArrayList<>();
        SweepOutcome blocked = Sweep.run(lake, cfg, Optional.of("sweep-blocks-1"), BUDGET, progress::add);
        assertTrue(progress.stream().anyMatch(l -> l.contains("5 chunks of 40 bars")), String.join("\n", progress));
        PanelData whole = LakeInputs.read(lake, cfg, Long.MAX_VALUE, line -> { });
        List<Fold> folds = cfg.validation().folds(whole.bars());
        SetEvaluator direct = whole.evaluator(cfg.base(), folds);
        List<Row> stored = lake.spark().read().format("delta").load(new SweepResultsTable(lake).path())
                .filter(col("run_id").equalTo("sweep-blocks-1")).collectAsList();
        assertEquals(cfg.parameterSets().size() * (1 + 2 * folds.size()), stored.size());
        assertEquals(cfg.parameterSets().size(), blocked.evaluated());
        for (ParameterSet s : cfg.parameterSets()) {
            for (Row want : SweepResultsTable.rows("sweep-blocks-1", direct.evaluate(s), folds, whole)) {
                Row got = stored.stream().filter(r -> r.getString(1).equals(s.hash())
                        && r.getInt(3) == want.getInt(3) && r.getString(4).equals(want.getString(4))).findFirst()
                        .orElseThrow();
                for (int c = 0; c < want.length(); c++) {
                    Object w = want.get(c);
                    Object g = got.get(c);
                    if (w instanceof double[] a) {
                        assertBits(a, got.<Double>getList(c).stream().mapToDouble(Double::doubleValue).toArray(),
                                s.json() + " " + want.getString(4) + " period_returns");
                    } else if (w instanceof Double d) {
                        assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) g),
                                s.json() + " fold " + want.getInt(3) + " " + want.getString(4) + " column " + c);
                    } else {
                        assertEquals(w, g, s.json() + " column " + c);
                    }
                }
            }
        }
    }

    @Test
    void aStrategyWithoutDeclaredWarmupFallsBackToTheWholePanelAndSaysSo() {
        SweepConfig cfg = SweepConfig.bind(ConfigLoader.parse("grid: {weight: [0.2, 0.3]}\n"
                + "validation: {walk_forward: {train_bars: 60, test_bars: 40}}\n", "sweep undeclared"),
                BacktestConfig.bind(ConfigLoader.parse(SweepFixtures.BASE_YAML.replace(
                        "name: inverse_vol\n  params: {lookback: 20, schedule: {every: 5}, band: 0}",
                        "class: " + Undeclared.class.getName() + "\n  params: {weight: 0.2}"), "undeclared base")));
        List<String> log = new ArrayList<>();
        PanelData data = LakeInputs.read(lake, cfg, BUDGET, log::add);
        assertFalse(data.blocked());
        assertTrue(log.stream().anyMatch(l -> l.contains("does not declare the history it reads")
                && l.contains(Undeclared.class.getName()) && l.contains("whole panel")), String.join("\n", log));
        assertEquals(SweepFixtures.BARS, data.bars());
    }

    /** A weight strategy that declares no warm-up: equal {@code weight} on every existing symbol. */
    public static final class Undeclared implements WeightStrategy {
        private final double weight;

        public Undeclared(Map<String, Object> params) {
            this.weight = ((Number) params.get("weight")).doubleValue();
        }

        @Override
        public String name() {
            return "undeclared";
        }

        @Override
        public TargetWeights targets(Panel panel) {
            int n = panel.symbolCount();
            boolean[] decision = new boolean[panel.bars()];
            double[] w = new double[panel.bars() * n];
            for (int t = 0; t < panel.bars(); t++) {
                decision[t] = true;
                for (int i = 0; i < n; i++) {
                    w[t * n + i] = panel.exists(t, i) ? weight : 0;
                }
            }
            return new TargetWeights(panel.bars(), n, decision, w);
        }
    }

    /** The sets evaluated by Spark tasks as {@link Sweep} runs them (two partitions, one broadcast context). */
    private static List<SetResult> run(JavaSparkContext jsc, PanelData data, SweepConfig cfg, List<Fold> folds,
                                       List<ParameterSet> sets) {
        Broadcast<SweepTask.Context> context =
                jsc.broadcast(new SweepTask.Context(data, cfg.base().rawYaml(), cfg.base().origin(), folds));
        try {
            return jsc.parallelize(sets, 2).mapPartitions(new SweepTask(context, jsc.sc().longAccumulator())).collect();
        } finally {
            context.destroy();
        }
    }

    private static void assertSameBits(SetResult want, SetResult got, String what) {
        assertEquals(want.set(), got.set(), what);
        List<WindowMetrics> w = SweepBitsTest.concat(want);
        List<WindowMetrics> g = SweepBitsTest.concat(got);
        for (int k = 0; k < w.size(); k++) {
            assertBits(values(w.get(k)), values(g.get(k)), what + " window " + k);
        }
        assertBits(want.returns(), got.returns(), what + " returns");
    }

    private static double[] values(WindowMetrics m) {
        return new double[] {m.returns(), m.totalReturn(), m.cagr(), m.volatility(), m.sharpe(), m.sortino(),
            m.maxDrawdown(), m.calmar(), m.turnover(), m.fees(), m.meanLeverage(), m.timeInMarket()};
    }

    private static void assertBits(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what + " length");
        for (int k = 0; k < want.length; k++) {
            if (Double.doubleToRawLongBits(want[k]) != Double.doubleToRawLongBits(got[k])) {
                throw new AssertionError(what + " [" + k + "]: " + want[k] + " vs " + got[k]);
            }
        }
    }
}
