package io.quantlake.sim;

/**
 * Exchange filters of one symbol (SIMULATION.md §4): an order's {@code |Δq|} is rounded toward
 * zero to a multiple of {@code stepSize}, and an order whose notional {@code |Δq| * price} is below
 * {@code minNotional} is skipped. NaN = unknown (no rounding / no minimum). Closing a whole lot
 * (exits, delisting, liquidation, circuit breaker) is never rounded or skipped: a lot built from
 * rounded orders is already on the step.
 *
 * @param stepSize    quantity step in base units, &gt; 0, or NaN
 * @param minNotional minimum order notional in quote currency, &gt;= 0, or NaN
 */
public record SymbolFilter(double stepSize, double minNotional) {
    public static final SymbolFilter NONE = new SymbolFilter(Double.NaN, Double.NaN);

    public SymbolFilter {
        if (!Double.isNaN(stepSize) && !(stepSize > 0 && stepSize < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("step_size must be > 0 or unknown (NaN), got " + stepSize);
        }
        if (!Double.isNaN(minNotional) && !(minNotional >= 0 && minNotional < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("min_notional must be >= 0 or unknown (NaN), got " + minNotional);
        }
    }
}
