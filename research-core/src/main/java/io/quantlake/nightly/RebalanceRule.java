package io.quantlake.nightly;

/**
 * How targets become trades, as in the backtest (SIMULATION.md §5, R10).
 *
 * @param band      no-trade band in weight units, in [0, 1) (the strategy's {@code band})
 * @param threshold the threshold schedule: when any symbol is outside its band every symbol trades to its
 *                  target, otherwise nothing trades
 * @param toTarget  {@code rebalance.to: target} (default): a symbol outside its band trades to its target;
 *                  false = {@code band_edge}: only to the nearest band edge
 * @param longOnly  spot: no negative weights
 */
public record RebalanceRule(double band, boolean threshold, boolean toTarget, boolean longOnly) {
    public RebalanceRule {
        if (!(band >= 0 && band < 1)) {
            throw new IllegalArgumentException("band must be in [0, 1), got " + band);
        }
    }
}
