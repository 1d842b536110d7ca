package io.quantlake.config;

import java.util.Objects;

/**
 * {@code risk} (SIMULATION.md §3, §9).
 *
 * @param maxLeverage       usdm gross exposure cap as a multiple of equity (default 1; spot ignores it, R11)
 * @param maintenanceMargin usdm liquidation when {@code E <= maintenanceMargin · G} (default 0.005)
 * @param circuitBreaker    {@link CircuitBreaker#NONE} when absent
 */
public record RiskLimits(double maxLeverage, double maintenanceMargin, CircuitBreaker circuitBreaker) {
    private static final Range LEVERAGE = Range.above(0);
    private static final Range MARGIN = Range.closedOpen(0, 1);

    public static final RiskLimits DEFAULT = new RiskLimits(1, 0.005, CircuitBreaker.NONE);

    public RiskLimits {
        if (!LEVERAGE.contains(maxLeverage)) {
            throw new IllegalArgumentException("risk.max_leverage must be " + LEVERAGE.describe() + ", got " + maxLeverage);
        }
        if (!MARGIN.contains(maintenanceMargin)) {
            throw new IllegalArgumentException("risk.maintenance_margin must be " + MARGIN.describe() + ", got " + maintenanceMargin);
        }
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    }

    /** Binds {@code risk}: max_leverage, maintenance_margin, circuit_breaker, each optional. */
    public static RiskLimits bind(ConfigNode node) {
        node.allowOnly("max_leverage", "maintenance_margin", "circuit_breaker");
        return new RiskLimits(node.number("max_leverage", LEVERAGE, DEFAULT.maxLeverage),
                node.number("maintenance_margin", MARGIN, DEFAULT.maintenanceMargin),
                node.has("circuit_breaker") ? CircuitBreaker.bind(node.object("circuit_breaker")) : CircuitBreaker.NONE);
    }
}
