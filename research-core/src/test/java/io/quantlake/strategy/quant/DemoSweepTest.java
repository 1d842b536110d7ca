package io.quantlake.strategy.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantlake.backtest.Backtest;
import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.metrics.Metrics;
import io.quantlake.panel.Panel;
import io.quantlake.sim.FundingSchedule;
import io.quantlake.sweep.ParameterSet;
import io.quantlake.sweep.SetEvaluator;
import io.quantlake.sweep.SweepConfig;
import io.quantlake.sweep.WindowMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A sweep runs the config it is given (issue 11 item 5): for every demo config with a portfolio section
 * ({@code sizing}, {@code hedge} or a risk cap) or a {@code strategy.exits} chain, a one-set sweep whose only set is the config's own params
 * reports, over the full window, the metrics of {@code backtest} of that config — on the committed sample,
 * without Spark ({@link SetEvaluator} is what a sweep task runs). The sets are checked with the registry they
 * run with, so sweeps over the quant strategies (factor_long_short, pair_trading) bind too.
 */
class DemoSweepTest {

    @Test
    void aOneSetSweepOfEachDemoConfigWithAPortfolioSectionOrExitsEqualsItsBacktest() throws IOException {
        Path sample = DemoSample.root().resolve("datasets/sample");
        Assumptions.assumeTrue(Files.isDirectory(sample), "datasets/sample not generated in this checkout: " + sample);
        List<String> checked = new ArrayList<>();
        for (Path file : DemoSample.configs()) {
            BacktestConfig base = BacktestConfig.load(file);
            if (!base.portfolio().any() && !base.strategy().node().has("exits")) {
                continue;
            }
            Map.Entry<String, JsonNode> first = base.strategy().params().json().fields().next();
            SweepConfig sweep = SweepConfig.bind(ConfigLoader.parse("grid: {" + first.getKey() + ": ["
                    + first.getValue() + "]}\nvalidation: {walk_forward: {train_bars: 500, test_bars: 200}}\n",
                    "file one_set.yaml"), base);
            List<ParameterSet> sets = sweep.parameterSets();
            assertEquals(1, sets.size(), file.toString());
            Panel panel = DemoBacktestTest.panel(sample, base);
            Map<String, FundingSchedule> funding = DemoBacktestTest.funding(sample, base);
            WindowMetrics w = new SetEvaluator(panel, base, funding, Map.of(),
                    sweep.validation().folds(panel.bars())).evaluate(sets.get(0)).full();
            Metrics m = Backtest.run(panel, base, funding, Map.of()).metrics();
            String at = file.getFileName().toString();
            assertEquals(m.totalReturn(), w.totalReturn(), 1e-12, at + ": total return");
            assertEquals(m.cagr(), w.cagr(), 1e-12, at + ": cagr");
            assertEquals(m.volatility(), w.volatility(), 1e-12, at + ": volatility");
            assertEquals(m.sharpe(), w.sharpe(), 1e-9, at + ": sharpe");
            assertEquals(m.maxDrawdown(), w.maxDrawdown(), 1e-12, at + ": max drawdown");
            assertEquals(m.turnover(), w.turnover(), 1e-9, at + ": turnover");
            assertEquals(m.fees(), w.fees(), 1e-9, at + ": fees");
            assertEquals(m.meanLeverage(), w.meanLeverage(), 1e-12, at + ": mean leverage");
            checked.add(at);
        }
        assertTrue(checked.containsAll(List.of("monthly_rebalance_vol_target.yaml", "market_neutral_risk_hedge.yaml",
                "factor_long_short_erc_capped.yaml", "pair_trading_vol_target.yaml",
                "market_neutral_inverse_vol_net_capped.yaml", "sma_cross_tpsl_kelly_capped.yaml",
                "sma_cross_tpsl_exits.yaml")), checked.toString());
    }
}
