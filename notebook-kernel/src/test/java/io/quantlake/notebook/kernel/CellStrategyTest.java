package io.quantlake.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A strategy class declared in a notebook cell runs through the engine as {@code strategy: {class: HoldEqual}}: the
 * config binder loads it through the cell thread's context class loader ({@link SnippetClassLoader}, which resolves
 * a cell declaration by its simple name, the latest one after a redefinition). Kernel only, no Spark.
 */
class CellStrategyTest {
    private static CellEvaluator cells;

    @BeforeAll
    static void startJShell() throws CellException {
        cells = CellEvaluator.start(KernelClasspath.ofThisJvm());
        cells.evaluate("""
                import io.quantlake.backtest.Backtest;
                import io.quantlake.config.*;
                import io.quantlake.market.Interval;
                import io.quantlake.panel.*;
                import io.quantlake.strategy.*;
                """);
    }

    @AfterAll
    static void closeJShell() {
        cells.close();
    }

    private static Object valueOf(String code) throws CellException {
        Optional<CellValue> value = cells.evaluate(code);
        assertTrue(value.isPresent(), "cell should end with an expression: " + code);
        return value.get().value();
    }

    private static String holdEqual(String name) {
        return """
                /** Buys every symbol at the first bar, {@code gross / N} of equity each, and holds. */
                public record HoldEqual(double gross) implements WeightStrategy {
                    public String name() { return "%s"; }
                    public TargetWeights targets(Panel p) {
                        int n = p.symbolCount();
                        boolean[] decide = new boolean[p.bars()];
                        double[] w = new double[p.bars() * n];
                        Arrays.fill(w, Double.NaN);
                        decide[0] = true;
                        for (int i = 0; i < n; i++) {
                            w[i] = gross / n;
                        }
                        return new TargetWeights(p.bars(), n, decide, w);
                    }
                }
                """.formatted(name);
    }

    private static final String BACKTEST = """
            PanelBuilder b = Panel.builder(Interval.D1, "A", "B");
            for (int t = 0; t < 30; t++) {
                b.bar("A", 1_704_067_200_000L + t * 86_400_000L, 100 + t, 101 + t, 99 + t, 100.5 + t, 10);
                b.bar("B", 1_704_067_200_000L + t * 86_400_000L, 50 - t * 0.1, 51, 48, 50, 10);
            }
            BacktestConfig config = BacktestConfig.bind(ConfigLoader.parse(""\"
                    market: spot
                    interval: 1d
                    universe: [A, B]
                    start: 2024-01-01
                    end: 2024-01-31
                    capital: 10000
                    strategy: {class: HoldEqual, params: {gross: 0.8}}
                    ""\", "notebook cell"));
            var run = Backtest.run(b.build(), config, Map.of(), Map.of());
            """;

    @Test
    void aStrategyClassDeclaredInACellBacktestsByItsSimpleName() throws CellException {
        cells.evaluate(holdEqual("hold_equal"));
        cells.evaluate(BACKTEST);
        assertEquals("HoldEqual[gross=0.8] hold_equal",
                valueOf("var s = ((ConfiguredStrategy.Weight) config.strategy().built()).strategy();\n"
                        + "s + \" \" + s.name()"));
        assertEquals(true, valueOf("s.getClass() == HoldEqual.class"));
        assertEquals("OPEN OPEN", valueOf("run.result().ledger().type(0) + \" \" + run.result().ledger().type(1)"));
        assertEquals(2, valueOf("run.result().ledger().size()"));
        // a redefinition in a later cell is what the config loads from then on
        cells.evaluate(holdEqual("hold_equal_v2"));
        cells.evaluate(BACKTEST);
        assertEquals("hold_equal_v2", valueOf("((ConfiguredStrategy.Weight) config.strategy().built()).strategy().name()"));
    }

    @Test
    void theExamplesJarOnTheKernelClasspathIsUsableByItsClassName() throws CellException {
        assertEquals("donchian_breakout", valueOf("""
                ((ConfiguredStrategy.Weight) BacktestConfig.bind(ConfigLoader.parse("market: spot\\ninterval: 1d\\n"
                        + "universe: [A]\\nstart: 2024-01-01\\nend: 2024-02-01\\ncapital: 1\\nstrategy: {class: "
                        + "com.example.DonchianBreakout, params: {entry_bars: 20, exit_bars: 10, vol_lookback: 20, "
                        + "target_vol: 0.4, max_weight: 0.25}}\\n", "notebook cell")).strategy().built()).strategy().name()
                """));
    }

    @Test
    void anUndeclaredNameIsTheConfigError() {
        CellException e = assertThrows(CellException.class, () -> cells.evaluate("""
                BacktestConfig.bind(ConfigLoader.parse("market: spot\\ninterval: 1d\\nuniverse: [A]\\nstart: 2024-01-01\\n"
                        + "end: 2024-02-01\\ncapital: 1\\nstrategy: {class: NoSuchCellStrategy}\\n", "notebook cell"));
                """));
        assertTrue(e.getMessage().contains("config key `strategy.class` must be a class on the classpath"), e.getMessage());
        assertTrue(e.getMessage().contains("got \"NoSuchCellStrategy\" (notebook cell)"), e.getMessage());
    }
}
