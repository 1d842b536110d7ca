package io.quantlake.cli;

import io.quantlake.backtest.BacktestOutcome;
import io.quantlake.config.PortfolioSections;
import io.quantlake.metrics.Metrics;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/** Backtests' metrics side by side, one column per run, for the console. */
final class MetricsTable {
    private MetricsTable() {
    }

    private record Line(String name, String format, ToDoubleFunction<Metrics> value) {
    }

    private static final Line[] LINES = {
        new Line("total_return", "%.2f%%", m -> 100 * m.totalReturn()),
        new Line("cagr", "%.2f%%", m -> 100 * m.cagr()),
        new Line("volatility", "%.2f%%", m -> 100 * m.volatility()),
        new Line("sharpe", "%.3f", Metrics::sharpe),
        new Line("sortino", "%.3f", Metrics::sortino),
        new Line("max_drawdown", "%.2f%%", m -> 100 * m.maxDrawdown()),
        new Line("calmar", "%.3f", Metrics::calmar),
        new Line("turnover", "%.2f", Metrics::turnover),
        new Line("mean_leverage", "%.3f", Metrics::meanLeverage),
        new Line("time_in_market", "%.2f%%", m -> 100 * m.timeInMarket()),
        new Line("trades", "%.0f", m -> m.trades()),
        new Line("win_rate", "%.2f%%", m -> 100 * m.winRate()),
        new Line("profit_factor", "%.3f", Metrics::profitFactor),
        new Line("fees", "%.2f", Metrics::fees),
        new Line("funding", "%.2f", Metrics::funding),
    };

    static String of(Map<String, BacktestOutcome> runs) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s", "metric"));
        for (String name : runs.keySet()) {
            out.append(String.format(Locale.ROOT, " %14s", name));
        }
        out.append('\n');
        for (Line line : LINES) {
            out.append(String.format(Locale.ROOT, "%-16s", line.name()));
            for (BacktestOutcome o : runs.values()) {
                double v = line.value().applyAsDouble(o.metrics());
                String cell = Double.isFinite(v) ? String.format(Locale.ROOT, line.format(), v) : "n/a";
                out.append(String.format(Locale.ROOT, " %14s", cell));
            }
            out.append('\n');
        }
        out.append(portfolioLayer(runs));
        return out.toString();
    }

    /**
     * One line per run with a {@code risk} cap, {@code sizing} or {@code hedge} section: the sizing method, the
     * risk manager's ledger rows by rule, the optimizer's orders and turnover against naive rebalancing, and the
     * hedge overlay's rows (portfolio.json of each run has the full report). Empty when no run has one.
     */
    static String portfolioLayer(Map<String, BacktestOutcome> runs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, BacktestOutcome> e : runs.entrySet()) {
            PortfolioSections sections = e.getValue().config().portfolio();
            if (!sections.any()) {
                continue;
            }
            StringJoiner line = new StringJoiner(" · ");
            if (sections.sizing() != null) {
                line.add("sizing " + sections.sizing().method().code());
            }
            e.getValue().portfolio().ifPresent(r -> {
                StringJoiner rows = new StringJoiner(", ");
                r.riskInterventions().forEach((rule, n) -> {
                    if (n > 0) {
                        rows.add(rule + " " + n);
                    }
                });
                if (sections.risk() != null) {
                    line.add("risk rows: " + (rows.length() == 0 ? "none" : rows));
                }
                if (r.decisions() > 0) {
                    line.add(String.format(Locale.ROOT, "orders %d (naive %d, saved %d) · turnover %.2f (naive %.2f)",
                            r.orders(), r.naiveOrders(), r.ordersSaved(), r.turnover(), r.naiveTurnover()));
                }
                if (sections.hedge() != null) {
                    line.add("hedge rows " + r.hedgeRows() + " (" + r.hedgeAdjustments() + " adjustments)");
                }
            });
            out.append(String.format(Locale.ROOT, "  %-28s %s%n", e.getKey(), line));
        }
        return out.length() == 0 ? "" : "portfolio layer (risk, sizing and hedge sections; full report in portfolio.json)\n"
                + out;
    }
}
