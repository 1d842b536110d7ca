package io.quantlake.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.backtest.Backtest;
import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.metrics.Metrics;
import io.quantlake.panel.Panel;
import io.quantlake.strategy.quant.ReferenceFactors;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sweep outputs stay bit-identical (sweep_results metrics, per-bar returns, backtest metrics and
 * target weights): the SHA-256 of their raw bits for 18 parameter sets of inverse_vol,
 * market_neutral, sma_cross_tpsl and factor on {@link SweepFixtures#panel()}, each set evaluated
 * twice on one panel (the second time from the panel's derived values), equals the digest
 * recorded with the static caches and the two metrics implementations in place (issue 12).
 */
class SweepBitsTest {
    @Test
    void sweepOutputsKeepTheirBits() throws Exception {
        String[][] variants = {
            {"inverse_vol", "{lookback: 20, schedule: {every: 5}, band: 0}",
                "grid: {lookback: [10, 20, 30], schedule: [{every: 5}, {every: 1}]}"},
            {"market_neutral", "{lookback: 10, top: 1, bottom: 1, long_ratio: 1, short_ratio: 1, schedule: {every: 3}}",
                "grid: {lookback: [5, 10, 20], skip: [0, 2], top: [1], bottom: [1]}"},
            {"sma_cross_tpsl", "{fast: 5, slow: 20, take_profit: 0.1, stop_loss: 0.05, max_positions: 2}",
                "grid: {fast: [3, 5], slow: [10, 20], take_profit: [0.1], stop_loss: [0.05], max_positions: [2]}"},
            // low_vol 10 (weight 0.5) is now rvol_10 with the weight negated: z(−x)·0.5 and z(x)·(−0.5) have the same
            // bits, and the Java reference values stand in for Spark's (the sweep path is what this test keeps)
            {"factor", "{factors: [{name: mom_10_2, weight: 1.0}, {name: rvol_10,"
                + " weight: -0.5}], mode: long_only, top_quantile: 0.4, weighting: score, schedule: {every: 5}}",
                "grid: {schedule: [{every: 5}, {every: 2}]}"},
        };
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Panel panel = ReferenceFactors.withFactors(SweepFixtures.panel(), "mom_10_2", "rvol_10");
        for (String[] v : variants) {
            String yaml = SweepFixtures.BASE_YAML.replace("name: inverse_vol", "name: " + v[0])
                    .replace("params: {lookback: 20, schedule: {every: 5}, band: 0}", "params: " + v[1]);
            BacktestConfig base = BacktestConfig.bind(ConfigLoader.parse(yaml, "variant " + v[0]));
            SweepConfig cfg = SweepConfig.bind(ConfigLoader.parse(v[2]
                    + "\nvalidation: {walk_forward: {train_bars: 60, test_bars: 40}}\n", "sweep " + v[0]), base);
            List<Fold> folds = cfg.validation().folds(panel.bars());
            SetEvaluator ev = new SetEvaluator(panel, cfg.base(), Map.of(), Map.of(), folds);
            int count = 0;
            for (ParameterSet set : cfg.parameterSets()) {
                for (int rep = 0; rep < 2; rep++) {
                    SetResult r = ev.evaluate(set);
                    for (WindowMetrics w : concat(r)) {
                        put(sha, w.returns(), w.totalReturn(), w.cagr(), w.volatility(), w.sharpe(), w.sortino(),
                                w.maxDrawdown(), w.calmar(), w.turnover(), w.fees(), w.meanLeverage(), w.timeInMarket());
                    }
                    put(sha, r.returns());
                }
                BacktestOutcome out = Backtest.run(panel, cfg.backtest(set), Map.of(), Map.of());
                Metrics m = out.metrics();
                put(sha, m.totalReturn(), m.cagr(), m.volatility(), m.sharpe(), m.sortino(), m.maxDrawdown(),
                        m.calmar(), m.turnover(), m.meanLeverage(), m.timeInMarket(), m.trades(), m.winRate(),
                        m.profitFactor(), m.fees(), m.funding(), m.meanHoldingBars());
                put(sha, out.result().targets().weights());
                count++;
            }
            assertEquals(v[0].equals("factor") ? 2 : v[0].equals("sma_cross_tpsl") ? 4 : 6, count, v[0]);
        }
        assertEquals("e9524a02e129b463c226f34786c6a7bdce6ec870553c24c7c3e8aab478b19bb9",
                HexFormat.of().formatHex(sha.digest()));
    }

    private static void put(MessageDigest sha, double... values) {
        ByteBuffer b = ByteBuffer.allocate(8);
        for (double x : values) {
            b.clear();
            sha.update(b.putLong(Double.doubleToRawLongBits(x)).array());
        }
    }

    static List<WindowMetrics> concat(SetResult r) {
        java.util.ArrayList<WindowMetrics> l = new java.util.ArrayList<>(r.inSample());
        l.addAll(r.outOfSample());
        l.add(r.full());
        return l;
    }
}
