package io.quantlake.backtest;

import io.quantlake.config.BacktestConfig;
import io.quantlake.metrics.Metrics;
import io.quantlake.sim.BacktestResult;
import java.util.Map;
import java.util.Objects;

/**
 * One finished backtest: its configuration, the kernel's result, the metrics, and the Delta
 * versions of the lake tables it read (empty when it ran on an in-memory panel).
 */
public record BacktestOutcome(BacktestConfig config, BacktestResult result, Metrics metrics,
                              Map<String, Long> dataVersions) {
    public BacktestOutcome {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(metrics, "metrics");
        dataVersions = Map.copyOf(dataVersions);
    }
}
