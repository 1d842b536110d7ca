package io.quantlake.portfolio;

import io.quantlake.sim.BacktestResult;
import java.util.Objects;

/**
 * A backtest run through the {@link AdvancedPortfolioManager}.
 *
 * @param result the kernel's result (targets.csv = the strategy's targets after sizing, before risk)
 * @param report interventions, orders and turnover saved, hedge activity
 */
public record ManagedRun(BacktestResult result, PortfolioReport report) {
    public ManagedRun {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(report, "report");
    }
}
