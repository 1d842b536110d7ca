package io.quantlake.config;

/**
 * {@code risk.circuit_breaker} (SIMULATION.md §9). A limit of {@code +Infinity} never fires, so the
 * kernel compares without a flag: {@link #NONE} disables the breaker.
 *
 * @param maxDrawdown  drawdown from peak equity, as a fraction in (0, 1], that trips the breaker
 * @param maxBarLoss   one bar's loss {@code 1 − E_t/E_{t−1}}, as a fraction in (0, 1], that trips it
 * @param cooldownBars bars during which new entries are refused after it trips
 */
public record CircuitBreaker(double maxDrawdown, double maxBarLoss, int cooldownBars) {
    private static final Range LIMIT = Range.openClosed(0, 1);

    public static final CircuitBreaker NONE =
            new CircuitBreaker(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0);

    public CircuitBreaker {
        if (!(maxDrawdown == Double.POSITIVE_INFINITY || LIMIT.contains(maxDrawdown))) {
            throw new IllegalArgumentException("circuit_breaker.max_drawdown must be " + LIMIT.describe() + ", got " + maxDrawdown);
        }
        if (!(maxBarLoss == Double.POSITIVE_INFINITY || LIMIT.contains(maxBarLoss))) {
            throw new IllegalArgumentException("circuit_breaker.max_bar_loss must be " + LIMIT.describe() + ", got " + maxBarLoss);
        }
        if (cooldownBars < 0) {
            throw new IllegalArgumentException("circuit_breaker.cooldown_bars must be >= 0, got " + cooldownBars);
        }
    }

    /** Whether any limit is set. */
    public boolean enabled() {
        return maxDrawdown != Double.POSITIVE_INFINITY || maxBarLoss != Double.POSITIVE_INFINITY;
    }

    /** Binds {@code risk.circuit_breaker}; at least one of max_drawdown, max_bar_loss is required. */
    public static CircuitBreaker bind(ConfigNode node) {
        node.allowOnly("max_drawdown", "max_bar_loss", "cooldown_bars");
        if (!node.has("max_drawdown") && !node.has("max_bar_loss")) {
            throw node.missing("max_drawdown", " a circuit breaker needs max_drawdown or max_bar_loss");
        }
        return new CircuitBreaker(node.number("max_drawdown", LIMIT, Double.POSITIVE_INFINITY),
                node.number("max_bar_loss", LIMIT, Double.POSITIVE_INFINITY),
                node.integer("cooldown_bars", 0, Integer.MAX_VALUE, 0));
    }
}
