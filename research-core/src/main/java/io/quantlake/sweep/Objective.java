package io.quantlake.sweep;

import io.quantlake.config.ConfigNode;
import java.util.Locale;

/**
 * The metric a sweep ranks parameter sets by (sweep YAML {@code objective}, default
 * {@code sharpe}): a return metric of {@link WindowMetrics}, with its direction. {@link #score}
 * turns it into "higher is better" and undefined values (NaN) into −∞, so a set whose metric is
 * undefined (e.g. a flat equity curve's Sharpe ratio) ranks last.
 */
public enum Objective {
    TOTAL_RETURN(true), CAGR(true), VOLATILITY(false), SHARPE(true), SORTINO(true), MAX_DRAWDOWN(false), CALMAR(true);

    private final boolean higherIsBetter;

    Objective(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** The metrics name, e.g. {@code max_drawdown}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The metric's value in {@code m} (may be NaN). */
    public double value(WindowMetrics m) {
        return switch (this) {
            case TOTAL_RETURN -> m.totalReturn();
            case CAGR -> m.cagr();
            case VOLATILITY -> m.volatility();
            case SHARPE -> m.sharpe();
            case SORTINO -> m.sortino();
            case MAX_DRAWDOWN -> m.maxDrawdown();
            case CALMAR -> m.calmar();
        };
    }

    /** {@code value} oriented so that higher is better; NaN → −∞. */
    public double score(double value) {
        if (Double.isNaN(value)) {
            return Double.NEGATIVE_INFINITY;
        }
        return higherIsBetter ? value : -value;
    }

    /** The objective of {@code m}, oriented (see {@link #score(double)}). */
    public double score(WindowMetrics m) {
        return score(value(m));
    }

    static Objective bind(ConfigNode root) {
        return root.choice("objective", SHARPE);
    }
}
