package io.quantlake.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.BacktestConfig;
import io.quantlake.factorspec.FactorRef;
import io.quantlake.config.ConfigLoader;
import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeTable;
import io.quantlake.lake.LakeWriter;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.nightly.LatestTargets;
import io.quantlake.nightly.NightlyConfig;
import io.quantlake.nightly.NightlyOutcome;
import io.quantlake.nightly.NightlyRun;
import io.quantlake.nightly.Positions;
import io.quantlake.panel.Panel;
import io.quantlake.research.FactorResearchConfig;
import io.quantlake.sim.BacktestResult;
import io.quantlake.spark.SharedSpark;
import io.quantlake.strategy.TargetWeights;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * One factor library (issue 14, item 1): the values a {@code factor} backtest trades on are the rows the research
 * pipeline writes to the Delta table {@code factors} for the same universe and window. On one tiny lake,
 * {@code nightly} ({@link NightlyRun}: the factors MERGE of a factor-research config) writes mom_10_1, rev_3,
 * rvol_8, beta_ew_12 and the user factor vol_adj_mom (an expression); a {@code factor} strategy on the same factors runs through {@link LakeBacktest}; at every bar of the
 * panel it traded on (every decision bar among them) each factor feature equals the table's {@code value} exactly,
 * NaN exactly where the table has no row. The window starts after 20 days of history: those are the warm-up of
 * both (the first bar's mom_10_1 is defined). {@code nightly} with the same strategy config targets the backtest's
 * last decision (its panel gets the same factors). With a memory budget of 25 bars the same backtest runs in time
 * blocks read from Delta ({@link LakePanelSource}) and gives the same bits.
 */
class FactorLibraryTest {
    static final long T0 = 1_704_067_200_000L; // 2024-01-01
    static final long DAY = 86_400_000L;
    static final String[] SYMBOLS = {"AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT", "EEEUSDT", "FFFUSDT"};
    static final List<String> FACTORS = List.of("mom_10_1", "rev_3", "rvol_8", "beta_ew_12", "vol_adj_mom");
    /** A user factor (issue 14 item 2) traded by the strategy and written by nightly from the same definition. */
    static final String USER_FACTOR = "{name: vol_adj_mom, expr: \"(close / lag(close, 5) - 1) / stddev(ln(close / lag(close, 1))) over last 5\"}";

    static final String RESEARCH = """
            market: spot
            interval: 1d
            universe: [AAAUSDT, BBBUSDT, CCCUSDT, DDDUSDT, EEEUSDT, FFFUSDT]
            start: 2024-01-21
            end: 2024-03-01
            factors: [mom_10_1, rev_3, rvol_8, beta_ew_12, %s]
            horizons: [1]
            quantiles: 3
            min_symbols: 3
            """.formatted(USER_FACTOR);

    static final String BACKTEST = """
            market: spot
            interval: 1d
            universe: [AAAUSDT, BBBUSDT, CCCUSDT, DDDUSDT, EEEUSDT, FFFUSDT]
            start: 2024-01-21
            end: 2024-03-01
            capital: 10000
            strategy:
              name: factor
              params:
                factors:
                  - {name: mom_10_1, weight: 1.0}
                  - {name: rev_3, weight: 0.5}
                  - {name: rvol_8, weight: -0.25}
                  - {name: beta_ew_12, weight: 0.1}
                  - %s
                mode: long_only
                top: 2
                schedule: daily
            """.formatted(USER_FACTOR.replace("}", ", weight: 0.5}"));

    @Test
    void aBacktestTradesTheFactorsTableValues() {
        Lake lake = Lake.at(SharedSpark.spark(), SharedSpark.newTempDir("factorlib").toString());
        List<CandleBar> bars = new ArrayList<>();
        Random rnd = new Random(14);
        for (int i = 0; i < SYMBOLS.length; i++) {
            double close = 50 + 10 * i;
            for (int d = 0; d < 70; d++) {
                close *= Math.exp(0.03 * rnd.nextGaussian());
                boolean gap = i == 3 && d % 9 == 4 || i == 5 && d < 25; // a gappy symbol, one listed inside the window
                if (!gap) {
                    bars.add(new CandleBar(Market.SPOT, Interval.D1, SYMBOLS[i], T0 + d * DAY, close, close * 1.01,
                            close * 0.99, close, 100 + d, Double.NaN, -1, Double.NaN, Double.NaN));
                }
            }
        }
        new LakeWriter(lake).ingest(new IngestBatch(1, bars.size(), bars, List.of(), List.of(), List.of()));
        // nightly's factor MERGE (FactorEngine's write path for the `factors` table) over the 40 days before the run
        // date, which are the backtest's window; its strategy step runs the same factor strategy config
        FactorResearchConfig research = FactorResearchConfig.bind(ConfigLoader.parse(RESEARCH, "research test"));
        BacktestConfig config = BacktestConfig.bind(ConfigLoader.parse(BACKTEST, "backtest test"));
        NightlyConfig nightly = NightlyConfig.bind(ConfigLoader.parse("factors: {config: f.yaml, days: 40}\n"
                + "strategy: {config: s.yaml}\npositions: p.csv\n", "nightly test"), SharedSpark.newTempDir("factorlib-n"));
        NightlyOutcome outcome = new NightlyRun(lake, new PrintStream(OutputStream.nullOutputStream())).run(nightly,
                config, Optional.of(research), new Positions(Map.of(), 10_000), LocalDate.of(2024, 3, 1),
                SharedSpark.newTempDir("factorlib-orders"));

        LakeBacktest backtest = new LakeBacktest(lake);
        Panel panel = backtest.panel(config);
        BacktestResult result = backtest.run(config).result();
        TargetWeights targets = result.targets();
        // the same run in time blocks (issue 13 item 5): a memory budget of 25 of the 40 bars reads the window from
        // Delta in two blocks, the factors attached to each, and gives the same bits
        long budget = Backtest.bytesPerBar(SYMBOLS.length, FACTORS.size()) * 25;
        BacktestResult inBlocks = new LakeBacktest(lake, budget).run(config).result();
        assertTrue(Arrays.equals(result.equity(), inBlocks.equity()) && Arrays.equals(result.cash(), inBlocks.cash()),
                "equity in blocks");
        assertEquals(result.ledger().events(), inBlocks.ledger().events(), "ledger in blocks");
        assertTrue(Arrays.equals(targets.weights(), inBlocks.targets().weights())
                && Arrays.equals(targets.decision(), inBlocks.targets().decision()), "targets in blocks");
        assertTrue(result.ledger().size() > 0, "the run trades");

        Map<String, Double> table = new HashMap<>();
        for (Row r : lake.read(LakeTable.FACTORS).where(col("factor").isin(FACTORS.toArray()))
                .select(col("factor"), col("symbol"), unix_millis(col("ts")), col("value")).collectAsList()) {
            table.put(r.getString(0) + "/" + r.getString(1) + "/" + r.getLong(2), r.getDouble(3));
        }
        int n = SYMBOLS.length;
        int decisions = 0;
        int compared = 0;
        for (int t = 0; t < panel.bars(); t++) {
            decisions += targets.decision()[t] ? 1 : 0;
            for (String f : FACTORS) {
                for (int i = 0; i < n; i++) {
                    Double expected = table.get(f + "/" + SYMBOLS[i] + "/" + panel.times()[t]);
                    double got = panel.feature(f)[t * n + i];
                    if (expected == null) {
                        assertTrue(Double.isNaN(got), f + " " + SYMBOLS[i] + " bar " + t + ": no table row, got " + got);
                    } else {
                        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
                                f + " " + SYMBOLS[i] + " bar " + t + ": table " + expected + ", traded " + got);
                        compared++;
                    }
                }
            }
        }
        assertEquals(T0 + 20 * DAY, panel.times()[0], "the window starts at start");
        assertTrue(!Double.isNaN(panel.feature("mom_10_1")[0]), "bars before start are the warm-up");
        assertTrue(decisions >= 30, "decisions: " + decisions);
        assertTrue(compared >= 0.8 * FACTORS.size() * n * panel.bars(), "values compared: " + compared);

        // nightly's targets: the same panel (window ending at the run date), so the backtest's last decision
        LatestTargets latest = LatestTargets.of(targets);
        String[] held = outcome.holdings().symbols();
        for (int k = 0; k < held.length; k++) {
            assertEquals(latest.weights()[panel.indexOf(held[k])], outcome.plan().targets()[k], 0.0, held[k]);
        }
        assertEquals(1.0, Arrays.stream(outcome.plan().targets()).sum(), 1e-12);
    }

    @Test
    void aUserFactorOfABacktestConfigIsCheckedBeforeAnythingRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FactorPanels.engine(
                List.of(new FactorRef("vam", Optional.of("clsoe / lag(close, 3) - 1"))), "bt.yaml"));
        assertTrue(e.getMessage().contains("vam") && e.getMessage().contains("bt.yaml")
                && e.getMessage().contains("clsoe") && !e.getMessage().contains("\n"), e.getMessage());
        IllegalArgumentException ahead = assertThrows(IllegalArgumentException.class, () -> FactorPanels.engine(
                List.of(new FactorRef("peek", Optional.of("lead(close, 1) / close - 1"))), "bt.yaml"));
        assertTrue(ahead.getMessage().contains("peek") && ahead.getMessage().contains("bt.yaml"), ahead.getMessage());
    }
}
