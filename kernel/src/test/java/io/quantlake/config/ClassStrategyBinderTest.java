package io.quantlake.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.backtest.Backtest;
import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.exit.TimeBasedExitStrategy;
import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Interval;
import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.strategy.CandleWindow;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.LegacyDecision;
import io.quantlake.strategy.LegacyStrategy;
import io.quantlake.strategy.MarketSnapshot;
import io.quantlake.strategy.PortfolioState;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import io.quantlake.strategy.reference.ExitChainStrategy;
import io.quantlake.strategy.reference.SmaCrossTpslStrategy;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strategy: {class: …, params: …}} ({@link ClassStrategyBinder}): each tier, each params shape, the classpath
 * order (context class loader first), {@code exits} and sweeps' {@link BacktestConfig#withParams}, and every error
 * as one line naming the key and the file.
 */
class ClassStrategyBinderTest {
    private static final String HEAD = "market: spot\ninterval: 1d\nuniverse: [A, B, C]\nstart: 2024-01-01\n"
            + "end: 2025-01-01\ncapital: 100000\ncosts: {taker_bps: 10, maker_bps: 2, slippage_bps: 5}\n";
    private static final String T = ClassStrategyBinderTest.class.getName() + "$";

    /** The SMA cross of {@code sma_cross_tpsl} as a user's legacy record (its capacity is the config's). */
    public record SmaRecord(int fast, int slow, double takeProfit, double stopLoss) implements LegacyStrategy {
        public SmaRecord {
            if (slow <= fast) {
                throw new IllegalArgumentException("slow must be > fast, got " + slow + " <= " + fast);
            }
        }

        private SmaCrossTpslStrategy delegate() {
            return new SmaCrossTpslStrategy(fast, slow, takeProfit, stopLoss, 1);
        }

        @Override
        public LegacyDecision decide(CandleWindow window, Interval interval) {
            return delegate().decide(window, interval);
        }

        @Override
        public int warmupBars() {
            return delegate().warmupBars();
        }
    }

    /** Every component type a record may have. */
    public enum Mode { EQUAL, FIXED }

    /** A nested record param. */
    public record Every(int bars) {
    }

    /** Fixed weights every {@code schedule.bars} bars. */
    public record Weights(Map<String, Double> targetWeights, Every schedule, List<List<Long>> windows, Mode mode,
                          boolean leveraged, String label, Integer boxed) implements WeightStrategy {
        @Override
        public String name() {
            return "weights";
        }

        @Override
        public TargetWeights targets(Panel panel) {
            int n = panel.symbolCount();
            boolean[] decision = new boolean[panel.bars()];
            double[] w = new double[panel.bars() * n];
            Arrays.fill(w, Double.NaN);
            for (int t = 0; t < panel.bars(); t += schedule.bars()) {
                decision[t] = true;
                for (int i = 0; i < n; i++) {
                    w[t * n + i] = panel.exists(t, i) ? targetWeights.getOrDefault(panel.symbols()[i], 0.0) : 0;
                }
            }
            return new TargetWeights(panel.bars(), n, decision, w);
        }
    }

    /** A signal strategy with a {@code Map} constructor: opens {@code size} units of each symbol at bar {@code bar}. */
    public static final class OpenAt implements SignalStrategy {
        private final int bar;
        private final double size;

        public OpenAt(Map<String, Object> params) {
            if (!(params.get("bar") instanceof Integer b)) {
                throw new IllegalArgumentException("bar must be an integer, got " + params.get("bar"));
            }
            this.bar = b;
            this.size = ((Number) params.getOrDefault("size", 1)).doubleValue();
        }

        @Override
        public List<Signal> generateSignals(MarketSnapshot snapshot, PortfolioState state) {
            if (snapshot.bar() != bar) {
                return List.of();
            }
            return List.of(Signal.open(snapshot.symbol(0), Signal.Side.LONG, new Signal.Quantity(size), List.of()));
        }
    }

    /** No params: equal weights once. */
    public static final class NoParams implements WeightStrategy {
        public NoParams() {
        }

        @Override
        public String name() {
            return "no_params";
        }

        @Override
        public TargetWeights targets(Panel panel) {
            return TargetWeights.none(panel.bars(), panel.symbolCount());
        }
    }

    /** Not a usable shape: its only constructor takes an int. */
    public static final class IntOnly extends Base {
        public IntOnly(int x) {
        }
    }

    /** Abstract. */
    public abstract static class Base implements WeightStrategy {
        @Override
        public String name() {
            return "base";
        }

        @Override
        public TargetWeights targets(Panel panel) {
            return TargetWeights.none(panel.bars(), panel.symbolCount());
        }
    }

    /** A component type the binder does not read. */
    public record WithDuration(Duration hold) implements WeightStrategy {
        @Override
        public String name() {
            return "with_duration";
        }

        @Override
        public TargetWeights targets(Panel panel) {
            return TargetWeights.none(panel.bars(), panel.symbolCount());
        }
    }

    private static BacktestConfig config(String strategy) {
        return BacktestConfig.bind(ConfigLoader.parse(HEAD + strategy, "file conf/x.yaml"));
    }

    private static String error(String strategy) {
        String m = assertThrows(ConfigException.class, () -> config(strategy)).getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.contains("(file conf/x.yaml)"), m);
        return m;
    }

    private static final String SMA_CLASS = "strategy:\n  class: " + T + "SmaRecord\n"
            + "  params: {fast: 3, slow: 8, take_profit: 0.08, stop_loss: 0.05}\n  max_positions: 2\n";
    private static final String SMA_BUILT_IN = "strategy:\n  name: sma_cross_tpsl\n"
            + "  params: {fast: 3, slow: 8, take_profit: 0.08, stop_loss: 0.05, max_positions: 2}\n";

    @Test
    void aLegacyRecordRunsAsTheBuiltInItWraps() {
        BacktestConfig c = config(SMA_CLASS);
        assertEquals(T + "SmaRecord", c.strategy().name());
        ConfiguredStrategy.Legacy l = assertInstanceOf(ConfiguredStrategy.Legacy.class, c.strategy().built());
        assertEquals(new SmaRecord(3, 8, 0.08, 0.05), l.strategy());
        assertEquals(2, l.maxPositions());
        Panel p = ExitChainBinderTest.panel(300, 7);
        BacktestOutcome mine = Backtest.run(p, c, Map.of(), Map.of());
        BacktestOutcome builtIn = Backtest.run(p, config(SMA_BUILT_IN), Map.of(), Map.of());
        assertTrue(builtIn.result().ledger().size() > 10);
        assertEquals(builtIn.result().ledger().events(), mine.result().ledger().events());
        assertArrayEquals(builtIn.result().equity(), mine.result().equity());
        // strategy.exits attach to a class as to the built-in: the same rows
        String exits = "  exits: [{type: time_exit, bars: 4}, {type: trailing_stop, trail: 0.03}]\n";
        BacktestConfig withExits = config(SMA_CLASS + exits);
        assertInstanceOf(ExitChainStrategy.class,
                assertInstanceOf(ConfiguredStrategy.Signal.class, withExits.strategy().built()).strategy());
        Ledger chained = Backtest.run(p, withExits, Map.of(), Map.of()).result().ledger();
        assertEquals(Backtest.run(p, config(SMA_BUILT_IN + exits), Map.of(), Map.of()).result().ledger().events(),
                chained.events());
        assertTrue(chained.events().toString().contains("TIME_EXIT"), chained.events().toString());
    }

    @Test
    void aSweepSetKeepsTheClassItsEngineKeysAndExits() {
        BacktestConfig base = config(SMA_CLASS + "  exits: [{type: time_exit, bars: 5}]\n");
        BacktestConfig set = base.withParams(StrategyRegistry.all(),
                Map.of("fast", 2, "slow", 9, "take_profit", 0.1, "stop_loss", 0.05), "set 1");
        assertEquals(T + "SmaRecord", set.strategy().name());
        assertEquals(List.of(new TimeBasedExitStrategy(5)), set.strategy().exits().rules());
        assertEquals(9, set.strategy().params().integer("slow", 1, 100));
        ExitChainStrategy chain = assertInstanceOf(ExitChainStrategy.class,
                assertInstanceOf(ConfiguredStrategy.Signal.class, set.strategy().built()).strategy());
        assertNotNull(chain);
        // the sweep's params errors name the set and the class's own check
        assertEquals("config key `strategy.params` must be accepted by " + T + "SmaRecord, got {\"fast\":9,"
                        + "\"slow\":9,\"stop_loss\":0.05,\"take_profit\":0.1}: its constructor threw "
                        + "IllegalArgumentException: slow must be > fast, got 9 <= 9 (set 2)",
                assertThrows(ConfigException.class, () -> base.withParams(StrategyRegistry.all(),
                        new java.util.TreeMap<>(Map.of("fast", 9, "slow", 9, "take_profit", 0.1, "stop_loss", 0.05)),
                        "set 2")).getMessage());
        // a built-in keeps its name through withParams, as withStrategy binds it
        BacktestConfig builtIn = config(SMA_BUILT_IN).withParams(StrategyRegistry.all(),
                Map.of("fast", 2, "slow", 9, "take_profit", 0.1, "stop_loss", 0.05, "max_positions", 3), "set 1");
        assertEquals("sma_cross_tpsl", builtIn.strategy().name());
        assertEquals(3, ((ConfiguredStrategy.Legacy) builtIn.strategy().built()).maxPositions());
    }

    @Test
    void aRecordBindsNestedParamsByTheirSnakeCaseNames() {
        BacktestConfig c = config("strategy:\n  class: " + T + "Weights\n  band: 0.02\n  params:\n"
                + "    target_weights: {A: 0.5, B: 0.25}\n    schedule: {bars: 5}\n    windows: [[1, 2], [30000000000]]\n"
                + "    mode: fixed\n    leveraged: false\n    label: fifty-fifty\n    boxed: 7\n");
        Weights w = (Weights) assertInstanceOf(ConfiguredStrategy.Weight.class, c.strategy().built()).strategy();
        assertEquals(new Weights(Map.of("A", 0.5, "B", 0.25), new Every(5), List.of(List.of(1L, 2L),
                List.of(30_000_000_000L)), Mode.FIXED, false, "fifty-fifty", 7), w);
        assertEquals(List.of("A", "B"), List.copyOf(w.targetWeights().keySet()));
        assertEquals(new RebalanceRule(0.02, RebalanceMode.TARGET, false), c.rebalance());
        BacktestOutcome run = Backtest.run(ExitChainBinderTest.panel(40, 3), c, Map.of(), Map.of());
        assertTrue(run.result().ledger().size() > 2);
    }

    @Test
    void aMapConstructorAndANoArgConstructor() {
        BacktestConfig c = config("strategy:\n  class: " + T + "OpenAt\n  params: {bar: 3, size: 2.5}\n"
                + "  exits: [{type: time_exit, bars: 4}]\n");
        assertEquals(T + "OpenAt", c.strategy().built().name());
        Ledger l = Backtest.run(ExitChainBinderTest.panel(20, 5), c, Map.of(), Map.of()).result().ledger();
        assertEquals(2, l.size());
        assertEquals(TradeEventType.OPEN, l.type(0));
        assertEquals(2.5, l.qty(0));
        assertEquals(TradeEventType.TIME_EXIT, l.type(1));
        assertInstanceOf(NoParams.class, ((ConfiguredStrategy.Weight) config("strategy: {class: " + T + "NoParams}\n")
                .strategy().built()).strategy());
    }

    @Test
    void theContextClassLoaderComesFirst(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/tccl"));
        Files.writeString(src.resolve("Hold.java"), """
                package tccl;
                public record Hold(double weight) implements io.quantlake.strategy.WeightStrategy {
                    public String name() { return "hold"; }
                    public io.quantlake.strategy.TargetWeights targets(io.quantlake.panel.Panel p) {
                        return io.quantlake.strategy.TargetWeights.none(p.bars(), p.symbolCount());
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String cp = String.join(File.pathSeparator, System.getProperty("java.class.path"),
                Path.of(WeightStrategy.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", cp,
                src.resolve("Hold.java").toString()));
        String yaml = "strategy: {class: tccl.Hold, params: {weight: 0.5}}\n";
        assertTrue(error(yaml).startsWith("config key `strategy.class` must be a class on the classpath"));
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader jar = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            thread.setContextClassLoader(jar);
            WeightStrategy hold = ((ConfiguredStrategy.Weight) config(yaml).strategy().built()).strategy();
            assertEquals("Hold[weight=0.5]", hold.toString());
            assertEquals(jar, hold.getClass().getClassLoader());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void badClassesAreOneLineNamingStrategyClass() {
        assertEquals("config key `strategy.class` must be a class on the classpath (a jar passed with spark-submit "
                + "--jars, or QUANTLAKE_CLASSPATH for bin/quantlake), got \"com.example.Nope\" (file conf/x.yaml)",
                error("strategy: {class: com.example.Nope}\n"));
        assertEquals("config key `strategy.class` must be a class implementing io.quantlake.strategy.WeightStrategy, "
                + "SignalStrategy or LegacyStrategy, got \"java.lang.String\" (which implements none of them) "
                + "(file conf/x.yaml)", error("strategy: {class: java.lang.String}\n"));
        assertEquals("config key `strategy.class` must be a concrete class (a class implementing "
                + "io.quantlake.strategy.WeightStrategy, SignalStrategy or LegacyStrategy), got \"" + T + "Base\" "
                + "(an abstract class) (file conf/x.yaml)", error("strategy: {class: " + T + "Base}\n"));
        assertTrue(error("strategy: {class: io.quantlake.strategy.WeightStrategy}\n")
                .contains("got \"io.quantlake.strategy.WeightStrategy\" (an interface)"));
        assertEquals("config key `strategy.class` must be a record, or a class with a public constructor taking "
                + "Map<String, Object> or (with no params) a public no-arg constructor, got \"" + T + "IntOnly\" "
                + "(which has none of them) (file conf/x.yaml)", error("strategy: {class: " + T + "IntOnly}\n"));
        assertEquals("config key `strategy.class` must be a record whose components are int, long, double, boolean, "
                + "String, enums, List<T>, Map<String, T> or records, got \"" + T + "WithDuration\" (component "
                + "WithDuration.hold is java.time.Duration) (file conf/x.yaml)",
                error("strategy: {class: " + T + "WithDuration, params: {hold: 3}}\n"));
        assertEquals("config key `strategy.name` must be absent unless strategy.class is absent (a strategy is a "
                + "registered name or a class, not both), got \"inverse_vol\" (file conf/x.yaml)",
                error("strategy: {name: inverse_vol, class: " + T + "NoParams}\n"));
        assertTrue(error("strategy: {params: {a: 1}}\n").startsWith("config key `strategy.name` is required "
                + "(file conf/x.yaml); a registered strategy (monthly_rebalance, "));
        assertEquals("unknown config key `strategy.max_position` (file conf/x.yaml); accepted keys: class, params, "
                + "exits, max_positions, band", error("strategy: {class: " + T + "NoParams, max_position: 2}\n"));
    }

    @Test
    void badParamsAreOneLineNamingTheParam() {
        String sma = "strategy:\n  class: " + T + "SmaRecord\n  max_positions: 2\n  params: ";
        assertEquals("unknown config key `strategy.params.max_positions` (file conf/x.yaml); accepted keys: fast, slow, "
                + "take_profit, stop_loss", error(sma + "{fast: 3, slow: 8, take_profit: 0.08, stop_loss: 0.05, "
                + "max_positions: 2}\n"));
        assertEquals("config key `strategy.params.stop_loss` is required (file conf/x.yaml); SmaRecord takes fast (int), "
                + "slow (int), take_profit (double), stop_loss (double)", error(sma + "{fast: 3, slow: 8, take_profit: 0.08}\n"));
        assertEquals("config key `strategy.params.fast` must be an integer, got 3.5 (file conf/x.yaml)",
                error(sma + "{fast: 3.5, slow: 8, take_profit: 0.08, stop_loss: 0.05}\n"));
        assertEquals("config key `strategy.params.take_profit` must be a number, got \"high\" (file conf/x.yaml)",
                error(sma + "{fast: 3, slow: 8, take_profit: high, stop_loss: 0.05}\n"));
        assertEquals("config key `strategy.params` must be accepted by " + T + "SmaRecord, got {\"fast\":8,\"slow\":3,"
                + "\"take_profit\":0.08,\"stop_loss\":0.05}: its constructor threw IllegalArgumentException: slow must "
                + "be > fast, got 3 <= 8 (file conf/x.yaml)",
                error(sma + "{fast: 8, slow: 3, take_profit: 0.08, stop_loss: 0.05}\n"));
        String weights = "strategy:\n  class: " + T + "Weights\n  params: {target_weights: {A: 1}, schedule: ";
        String rest = ", windows: [[1]], mode: equal, leveraged: true, label: x, boxed: 1}\n";
        assertEquals("config key `strategy.params.schedule.bars` must be an integer, got \"5\" (file conf/x.yaml)",
                error(weights + "{bars: \"5\"}" + rest));
        assertEquals("unknown config key `strategy.params.schedule.days` (file conf/x.yaml); accepted keys: bars",
                error(weights + "{days: 5}" + rest));
        assertEquals("config key `strategy.params.windows[0][1]` must be an integer, got true (file conf/x.yaml)",
                error(weights + "{bars: 5}, windows: [[1, true]], mode: equal, leveraged: true, label: x, boxed: 1}\n"));
        assertEquals("config key `strategy.params.mode` must be one of equal, fixed, got \"EQUAL\" (file conf/x.yaml)",
                error(weights + "{bars: 5}, windows: [], mode: EQUAL, leveraged: true, label: x, boxed: 1}\n"));
        assertEquals("config key `strategy.params.target_weights.A` must be a number, got \"all\" (file conf/x.yaml)",
                error("strategy:\n  class: " + T + "Weights\n  params: {target_weights: {A: all}, schedule: {bars: 1}"
                        + rest));
        assertEquals("config key `strategy.params` must be accepted by " + T + "OpenAt, got {\"bar\":\"3\"}: its "
                + "constructor threw IllegalArgumentException: bar must be an integer, got 3 (file conf/x.yaml)",
                error("strategy: {class: " + T + "OpenAt, params: {bar: \"3\"}}\n"));
        assertEquals("unknown config key `strategy.params.lookback` (file conf/x.yaml); " + T + "NoParams takes no "
                + "params (it has a public no-arg constructor only; a record's components or a constructor taking "
                + "Map<String, Object> take params)", error("strategy: {class: " + T + "NoParams, params: {lookback: 3}}\n"));
    }

    @Test
    void engineKeysBelongToTheirTier() {
        assertEquals("config key `strategy.max_positions` is required (file conf/x.yaml); legacy strategy class " + T
                + "SmaRecord needs its capacity (each BUY is sized 1/max_positions of equity)",
                error("strategy: {class: " + T + "SmaRecord, params: {fast: 3, slow: 8, take_profit: 0.08, "
                        + "stop_loss: 0.05}}\n"));
        assertEquals("config key `strategy.max_positions` must be absent unless strategy.class is a LegacyStrategy, "
                + "got 2 (file conf/x.yaml)", error("strategy: {class: " + T + "NoParams, max_positions: 2}\n"));
        assertEquals("config key `strategy.band` must be absent unless strategy.class is a WeightStrategy, got 0.1 "
                + "(file conf/x.yaml)", error("strategy: {class: " + T + "OpenAt, params: {bar: 1}, band: 0.1}\n"));
        assertEquals("config key `strategy.band` must be in [0, 1), got 1.5 (file conf/x.yaml)",
                error("strategy: {class: " + T + "NoParams, band: 1.5}\n"));
        assertTrue(error("strategy: {class: " + T + "NoParams, exits: [{type: time_exit, bars: 3}]}\n")
                .startsWith("config key `strategy.exits` must be absent for weight strategy " + T + "NoParams"));
    }
}
