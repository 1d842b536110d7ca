package io.quantlake.config;

import io.quantlake.sim.CircuitBreaker;
import java.util.Optional;


/**
 * {@code risk} (SIMULATION.md §3, §9).
 *
 * @param maxLeverage       usdm gross exposure cap as a multiple of equity (default 1; spot ignores it, R11)
 * @param maintenanceMargin usdm liquidation when {@code E <= maintenanceMargin · G} (default 0.005)
 * @param circuitBreaker    the circuit breaker, or null when absent
 */
public record RiskLimits(double maxLeverage, double maintenanceMargin, CircuitBreaker circuitBreaker) {
    private static final Range LEVERAGE = Range.above(0);
    private static final Range MARGIN = Range.closedOpen(0, 1);

    private static final Range BREAKER_LIMIT = Range.openClosed(0, 1);

    public static final RiskLimits DEFAULT = new RiskLimits(1, 0.005, null);

    public RiskLimits {
        if (!LEVERAGE.contains(maxLeverage)) {
            throw new IllegalArgumentException("risk.max_leverage must be " + LEVERAGE.describe() + ", got " + maxLeverage);
        }
        if (!MARGIN.contains(maintenanceMargin)) {
            throw new IllegalArgumentException("risk.maintenance_margin must be " + MARGIN.describe() + ", got " + maintenanceMargin);
        }
    }

    /** The circuit breaker, if configured. */
    public Optional<CircuitBreaker> breaker() {
        return Optional.ofNullable(circuitBreaker);
    }

    /**
     * Binds {@code risk}: max_leverage, maintenance_margin, circuit_breaker, each optional; the risk manager's
     * keys ({@link PortfolioSections#RISK_KEYS}) are accepted here and bound by {@link PortfolioSections}.
     */
    public static RiskLimits bind(ConfigNode node) {
        java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of("max_leverage", "maintenance_margin",
                "circuit_breaker"));
        keys.addAll(PortfolioSections.RISK_KEYS);
        node.allowOnly(keys.toArray(new String[0]));
        return new RiskLimits(node.number("max_leverage", LEVERAGE, DEFAULT.maxLeverage),
                node.number("maintenance_margin", MARGIN, DEFAULT.maintenanceMargin),
                node.has("circuit_breaker") ? bindBreaker(node.object("circuit_breaker")) : null);
    }

    /** Binds {@code risk.circuit_breaker}; at least one of max_drawdown, max_bar_loss is required (NaN = unused). */
    static CircuitBreaker bindBreaker(ConfigNode node) {
        node.allowOnly("max_drawdown", "max_bar_loss", "cooldown_bars");
        if (!node.has("max_drawdown") && !node.has("max_bar_loss")) {
            throw node.missing("max_drawdown", " a circuit breaker needs max_drawdown or max_bar_loss");
        }
        return new CircuitBreaker(node.number("max_drawdown", BREAKER_LIMIT, Double.NaN),
                node.number("max_bar_loss", BREAKER_LIMIT, Double.NaN),
                node.integer("cooldown_bars", 0, Integer.MAX_VALUE, 0));
    }
}
