package io.quantlake.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quantlake.backtest.Backtest;
import io.quantlake.config.ConfigLoader;
import io.quantlake.metrics.Metrics;
import io.quantlake.panel.Panel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One parameter set evaluated without Spark: whole-panel run, metrics per window. */
class SetEvaluatorTest {
    private static final Panel PANEL = SweepFixtures.panel();
    private static final SweepConfig CONFIG = SweepConfig.bind(ConfigLoader.parse("""
            grid: {lookback: [10, 30], schedule: [{every: 5}]}
            validation: {walk_forward: {train_bars: 60, test_bars: 40}}
            """, "file s.yaml"), SweepFixtures.base());
    private static final List<Fold> FOLDS = CONFIG.validation().folds(PANEL.bars());

    private static SetEvaluator evaluator() {
        return new SetEvaluator(PANEL, CONFIG.base(), Map.of(), Map.of(), FOLDS);
    }

    @Test
    void wholePanelWindowEqualsTheBacktestMetrics() {
        ParameterSet set = CONFIG.parameterSets().get(0);
        SetResult r = evaluator().evaluate(set);
        Metrics m = Backtest.run(PANEL, CONFIG.backtest(set), Map.of(), Map.of()).metrics();
        WindowMetrics w = r.full();
        assertEquals(PANEL.bars() - 1, w.returns());
        assertEquals(m.totalReturn(), w.totalReturn(), 1e-12);
        assertEquals(m.cagr(), w.cagr(), 1e-12);
        assertEquals(m.volatility(), w.volatility(), 1e-12);
        assertEquals(m.sharpe(), w.sharpe(), 1e-9);
        assertEquals(m.sortino(), w.sortino(), 1e-9);
        assertEquals(m.maxDrawdown(), w.maxDrawdown(), 1e-12);
        assertEquals(m.calmar(), w.calmar(), 1e-9);
        assertEquals(m.turnover(), w.turnover(), 1e-9);
        assertEquals(m.fees(), w.fees(), 1e-9);
        assertEquals(m.meanLeverage(), w.meanLeverage(), 1e-12);
        assertEquals(m.timeInMarket(), w.timeInMarket(), 1e-12);
    }

    @Test
    void adjoiningWindowsShareNoReturnAndLoseNone() {
        // 200 bars, train 60, test 40, step 40: fold k tests [60 + 40k, 100 + 40k) while 100 + 40k <= 200: k = 0, 1, 2
        assertEquals(List.of(BarWindow.of(60, 100), BarWindow.of(100, 140), BarWindow.of(140, 180)),
                FOLDS.stream().map(Fold::outOfSample).toList());
        SetResult r = evaluator().evaluate(CONFIG.parameterSets().get(1));
        double growth = 1;
        for (WindowMetrics w : r.outOfSample()) {
            assertEquals(40, w.returns());
            growth *= 1 + w.totalReturn();
        }
        // Π over the test windows of (1 + total return) = E_179 / E_59, from the returns of bars 60..179
        double direct = 1;
        for (int t = 60; t < 180; t++) {
            direct *= 1 + r.returns()[t - 1];
        }
        assertEquals(direct, growth, 1e-12);
        assertEquals(60 - 1, r.inSample().get(0).returns()); // bar 0 has no return
    }

    @Test
    void evaluationIsDeterministicAndDependsOnTheParams() {
        SetResult a = evaluator().evaluate(CONFIG.parameterSets().get(0));
        SetResult again = new SetEvaluator(PANEL, CONFIG.base(), Map.of(), Map.of(), FOLDS)
                .evaluate(CONFIG.parameterSets().get(0));
        assertArrayEquals(a.returns(), again.returns());
        assertEquals(a.full(), again.full());
        SetResult b = evaluator().evaluate(CONFIG.parameterSets().get(1));
        assertNotEquals(a.full().totalReturn(), b.full().totalReturn());
    }
}
