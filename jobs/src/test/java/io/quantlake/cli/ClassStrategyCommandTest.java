package io.quantlake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.DonchianBreakout;
import io.quantlake.config.BacktestConfig;
import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.lake.Lake;
import io.quantlake.lake.LakeWriter;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import io.quantlake.nightly.NightlyConfig;
import io.quantlake.nightly.NightlyRun;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.sweep.ParameterSet;
import io.quantlake.sweep.SweepConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code strategy: {class: com.example.DonchianBreakout}} (the examples module, on this module's test classpath as
 * a jar given with {@code QUANTLAKE_CLASSPATH} or {@code --jars} would be) through the CLI on a tiny lake (3 symbols
 * × 200 daily bars): the strategy section of {@code examples/configs/donchian_breakout.yaml} as written, in
 * {@code backtest}, {@code replay}, {@code sweep} (the executors bind the class again from the config text) and
 * {@code nightly} (targets equal the class's own weights at the last bar); and each bad class or param as one
 * line on stderr, exit 1, before Spark work.
 */
class ClassStrategyCommandTest {
    private static final long T0 = 1_704_067_200_000L; // 2024-01-01
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
    private static final int BARS = 200;
    private static Path dir;
    private static String lakeDir;
    private static Path config;
    private static List<CandleBar> bars;

    @BeforeAll
    static void lake() throws IOException {
        dir = TestSpark.newTempDir("class-strategy");
        lakeDir = dir.resolve("lake").toString();
        Random rnd = new Random(3);
        bars = new ArrayList<>();
        for (String s : SYMBOLS) {
            double level = 100;
            for (int d = 0; d < BARS; d++) {
                double open = level;
                level *= Math.exp(0.002 + 0.03 * rnd.nextGaussian());
                bars.add(new CandleBar(Market.SPOT, Interval.D1, s, T0 + d * Interval.D1.millis(), open,
                        Math.max(open, level) * (1 + 0.01 * rnd.nextDouble()),
                        Math.min(open, level) * (1 - 0.01 * rnd.nextDouble()), level, 1000, Double.NaN, -1,
                        Double.NaN, Double.NaN));
            }
        }
        new LakeWriter(Lake.at(TestSpark.spark(), lakeDir)).ingest(new IngestBatch(1, bars.size(), bars, List.of(),
                List.of(), List.of()));
        Path example = Path.of(System.getProperty("quantlake.root", "..")).resolve("examples/configs/donchian_breakout.yaml");
        String text = Files.readString(example)
                .replaceFirst("(?m)^universe: .*$", "universe: [BTCUSDT, ETHUSDT, SOLUSDT]")
                .replaceFirst("(?m)^start: .*$", "start: 2024-01-01")
                .replaceFirst("(?m)^end: .*$", "end: 2024-07-19");
        assertTrue(text.contains("class: com.example.DonchianBreakout"), text);
        config = Files.writeString(dir.resolve("donchian.yaml"), text);
    }

    @Test
    void backtestReplaySweepAndNightlyRunTheClass() throws IOException {
        CliRun backtest = CliRun.of("backtest", "--config", config.toString(), "--lake", lakeDir, "--out",
                dir.resolve("out").toString());
        assertEquals(0, backtest.exitCode(), backtest.err());
        Matcher m = Pattern.compile("run (backtest-\\S+): (\\d+) ledger rows").matcher(backtest.out());
        assertTrue(m.find(), backtest.out());
        assertTrue(Integer.parseInt(m.group(2)) > 10, backtest.out());
        assertTrue(backtest.out().contains("com.example.DonchianBreakout"), backtest.out());

        CliRun replay = CliRun.of("replay", m.group(1), "--lake", lakeDir);
        assertEquals(0, replay.exitCode(), replay.out() + replay.err());
        assertTrue(replay.out().startsWith("identical: run " + m.group(1)), replay.out());

        Path grid = Files.writeString(dir.resolve("grid.yaml"), """
                base: donchian.yaml
                grid: {entry_bars: [10, 20], exit_bars: [5, 10]}
                validation: {walk_forward: {train_bars: 100, test_bars: 40}}
                overfitting: {blocks: 4}
                """);
        CliRun sweep = CliRun.of("sweep", "--config", grid.toString(), "--lake", lakeDir, "--out",
                dir.resolve("sweep").toString());
        assertEquals(0, sweep.exitCode(), sweep.err());
        assertTrue(sweep.out().contains(": 4 sets (4 evaluated, 0 skipped"), sweep.out());

        Files.writeString(dir.resolve("positions.csv"), "symbol,quantity\nUSDT,100000\n");
        Path nightly = Files.writeString(dir.resolve("nightly.yaml"),
                "strategy: {config: donchian.yaml}\npositions: positions.csv\noutput: nightly-out\n");
        CliRun run = CliRun.capture(() -> NightlyCommand.execute(new String[] {"--config", nightly.toString(),
                "--date", "2024-07-19", "--lake", lakeDir}));
        assertEquals(0, run.exitCode(), run.err());
        TargetWeights direct = new DonchianBreakout(20, 10, 20, 0.4, 0.25).targets(panel());
        List<Row> targets = TestSpark.spark().read().format("delta").load(lakeDir + "/nightly_targets")
                .where("run_date = DATE'2024-07-19'").collectAsList();
        assertEquals(3, targets.size(), targets.toString());
        double gross = 0;
        for (Row r : targets) {
            int i = List.of(SYMBOLS).indexOf(r.getString(1));
            assertEquals(direct.weights()[(BARS - 1) * SYMBOLS.length + i], r.getDouble(2), 1e-12, r.toString());
            gross += r.getDouble(2);
        }
        assertTrue(gross > 0, "some symbol is long at the last bar: " + targets);
    }

    @Test
    void theExampleSweepAndNightlyConfigsBindTheClass() {
        Path examples = Path.of(System.getProperty("quantlake.root", "..")).resolve("examples/configs");
        SweepConfig sweep = SweepConfig.load(examples.resolve("donchian_breakout_grid.yaml"));
        List<ParameterSet> sets = sweep.parameterSets();
        assertEquals(6, sets.size());
        assertEquals("com.example.DonchianBreakout", sets.get(0).strategy());
        ParameterSet slow = sets.stream().filter(p -> p.json().contains("\"entry_bars\":55,\"exit_bars\":20"))
                .findFirst().orElseThrow();
        assertEquals(new DonchianBreakout(55, 20, 20, 0.4, 0.25),
                ((ConfiguredStrategy.Weight) sweep.backtest(slow).strategy().built()).strategy());
        NightlyConfig nightly = NightlyConfig.load(examples.resolve("nightly.yaml"));
        assertTrue(NightlyRun.weightStrategy(BacktestConfig.load(nightly.strategyConfig())) instanceof DonchianBreakout);
        assertTrue(Files.isRegularFile(nightly.positions()), nightly.positions().toString());
    }

    @Test
    void badClassesAndParamsAreOneLineNamingTheKeyAndTheFile() throws IOException {
        String head = Files.readString(config).replaceFirst("(?s)strategy:.*", "");
        String[][] cases = {
            {"strategy: {class: com.example.Nope}", "config key `strategy.class` must be a class on the classpath "
                    + "(a jar passed with spark-submit --jars, or QUANTLAKE_CLASSPATH for bin/quantlake), got "
                    + "\"com.example.Nope\""},
            {"strategy: {class: java.util.ArrayList}", "config key `strategy.class` must be a class implementing "
                    + "io.quantlake.strategy.WeightStrategy, SignalStrategy or LegacyStrategy, got "
                    + "\"java.util.ArrayList\" (which implements none of them)"},
            {"strategy: {class: io.quantlake.strategy.SignalStrategy}", "config key `strategy.class` must be a "
                    + "concrete class (a class implementing io.quantlake.strategy.WeightStrategy, SignalStrategy or "
                    + "LegacyStrategy), got \"io.quantlake.strategy.SignalStrategy\" (an interface)"},
            {"strategy: {class: io.quantlake.strategy.reference.SmaCrossTpslStrategy, max_positions: 2}",
                "config key `strategy.class` must be a record, or a class with a public constructor taking "
                    + "Map<String, Object> or (with no params) a public no-arg constructor, got "
                    + "\"io.quantlake.strategy.reference.SmaCrossTpslStrategy\" (which has none of them)"},
            {"strategy: {class: com.example.DonchianBreakout, params: {entry_bars: 20, exit_bars: 10, "
                    + "vol_lookback: 20, target_vol: 0.4, max_weight: 0.25, lookback: 5}}",
                "unknown config key `strategy.params.lookback`"},
            {"strategy: {class: com.example.DonchianBreakout, params: {entry_bars: 20, exit_bars: 10, "
                    + "vol_lookback: 20, target_vol: 0.4}}",
                "config key `strategy.params.max_weight` is required"},
            {"strategy: {class: com.example.DonchianBreakout, params: {entry_bars: 20.5, exit_bars: 10, "
                    + "vol_lookback: 20, target_vol: 0.4, max_weight: 0.25}}",
                "config key `strategy.params.entry_bars` must be an integer, got 20.5"},
            {"strategy: {class: com.example.DonchianBreakout, params: {entry_bars: 20, exit_bars: 10, "
                    + "vol_lookback: 20, target_vol: 0.4, max_weight: 2}}",
                "config key `strategy.params` must be accepted by com.example.DonchianBreakout, got {\"entry_bars\":20,"
                    + "\"exit_bars\":10,\"vol_lookback\":20,\"target_vol\":0.4,\"max_weight\":2}: its constructor "
                    + "threw IllegalArgumentException: max_weight must be in (0, 1], got 2.0"},
        };
        for (int k = 0; k < cases.length; k++) {
            Path file = Files.writeString(dir.resolve("bad" + k + ".yaml"), head + cases[k][0] + "\n");
            CliRun bad = CliRun.of("backtest", "--config", file.toString(), "--lake", lakeDir);
            assertEquals(1, bad.exitCode(), cases[k][0] + ": " + bad.out() + bad.err());
            String err = bad.err().strip();
            assertFalse(err.contains("\n"), err);
            assertTrue(err.startsWith("quantlake backtest: " + cases[k][1]), err);
            assertTrue(err.endsWith("(file " + file + ")") || err.contains("(file " + file + ");"), err);
        }
    }

    /** The lake's bars as a panel, 2024-01-01 to the last bar. */
    private static Panel panel() {
        PanelBuilder b = Panel.builder(Interval.D1, SYMBOLS);
        for (CandleBar c : bars) {
            b.bar(c.symbol(), c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume());
        }
        return b.build();
    }
}
