package io.quantlake.tearsheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.sim.BacktestResult;
import io.quantlake.sim.ExecutionPrice;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import io.quantlake.strategy.TargetWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestFilesTest {
    private static final long T0 = 1_704_067_200_000L;
    private static final long DAY = 86_400_000L;

    /** Surefire points java.io.tmpdir at target/tmp, which a clean build has not created yet. */
    @BeforeAll
    static void createTmpDir() throws IOException {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static BacktestResult run() {
        Panel p = Panel.builder(io.quantlake.market.Interval.D1, "A")
                .bar("A", T0, 10, 10, 10, 10, 1).bar("A", T0 + DAY, 12, 12, 12, 12, 1).build();
        TargetWeights w = new TargetWeights(2, 1, new boolean[] {true, false}, new double[] {1, Double.NaN});
        return Simulator.run(p, SimConfig.builder(Market.SPOT, 1000).executionPrice(ExecutionPrice.CLOSE).build(),
                StrategyInput.weights(w));
    }

    @Test
    void filesFollowCliFormats(@TempDir Path dir) throws IOException {
        BacktestFiles.write(run(), dir);
        assertEquals(List.of("time,equity,cash,gross,net,leverage",
                "2024-01-01T00:00:00Z,1000.0,0.0,1000.0,1000.0,1.0",
                "2024-01-02T00:00:00Z,1200.0,0.0,1200.0,1200.0,1.0"), Files.readAllLines(dir.resolve("equity.csv")));
        assertEquals(List.of("time,symbol,side,type,reason,qty,price,fee,cash_flow,realized_pnl,position_after",
                "2024-01-01T00:00:00Z,A,LONG,OPEN,rebalance,100.0,10.0,0.0,-1000.0,0.0,100.0"),
                Files.readAllLines(dir.resolve("ledger.csv")));
        assertEquals(List.of("time,symbol,target_weight", "2024-01-01T00:00:00Z,A,1.0"),
                Files.readAllLines(dir.resolve("targets.csv")));
        String json = Files.readString(dir.resolve("metrics.json"));
        // total_return = 1200/1000 - 1; one return, so volatility (ddof 1) and Sharpe are undefined -> null
        assertEquals("{\n  \"total_return\": 0.19999999999999996,\n  \"cagr\": " + (Math.pow(1.2, 365) - 1)
                + ",\n  \"volatility\": null,\n  \"sharpe\": null,\n  \"sortino\": null,\n  \"max_drawdown\": 0.0,\n"
                + "  \"calmar\": null,\n  \"turnover\": " + (1000.0 / 1100 * 365) + ",\n  \"mean_leverage\": 1.0,\n"
                + "  \"time_in_market\": 1.0,\n  \"trades\": 0,\n  \"win_rate\": null,\n  \"profit_factor\": null,\n"
                + "  \"fees\": 0.0,\n  \"funding\": 0.0\n}\n", json);
        assertEquals(json, BacktestFiles.metricsJson(io.quantlake.metrics.Metrics.of(run())));
    }

    @Test
    void twoRunsGiveByteIdenticalFiles(@TempDir Path dir) throws IOException {
        BacktestFiles.write(run(), dir.resolve("a"));
        BacktestFiles.write(run(), dir.resolve("b"));
        for (String f : List.of("equity.csv", "ledger.csv", "targets.csv", "metrics.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
    }
}
