package io.quantlake.backtest;

import io.quantlake.config.BacktestConfig;
import io.quantlake.metrics.Metrics;
import io.quantlake.portfolio.PortfolioReport;
import io.quantlake.sim.BacktestResult;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished backtest: its configuration, the kernel's result, the metrics, and the Delta
 * versions of the lake tables it read (empty when it ran on an in-memory panel), and the portfolio layer's
 * report (risk interventions by rule, orders and turnover saved, hedge activity) when the config has a
 * {@code risk} cap, {@code sizing} or {@code hedge} section (else null) — reported next to metrics.json, whose
 * CLI.md keys it does not change.
 */
public record BacktestOutcome(BacktestConfig config, BacktestResult result, Metrics metrics,
                              Map<String, Long> dataVersions, PortfolioReport portfolioReport) {
    /** The portfolio layer's report, present when the config has a portfolio section. */
    public Optional<PortfolioReport> portfolio() {
        return Optional.ofNullable(portfolioReport);
    }

    public BacktestOutcome {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(metrics, "metrics");
        dataVersions = Map.copyOf(dataVersions);
    }

    /** This outcome with the Delta versions of the tables it read; every other field is kept. */
    public BacktestOutcome withDataVersions(Map<String, Long> versions) {
        return new BacktestOutcome(config, result, metrics, versions, portfolioReport);
    }
}
