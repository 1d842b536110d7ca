package io.quantlake.sim;

/**
 * {@code risk.circuit_breaker} (SIMULATION.md §9). At a bar's close (after the liquidation check),
 * the breaker trips when {@code 1 - E_t / peak >= maxDrawdown} or {@code 1 - E_t / E_{t-1} >= maxBarLoss}.
 * It then drops pending orders and closes every lot at the next execution point (next_open: the
 * open of each symbol's next bar; close: the close of the next bar, before that bar's decisions),
 * CLOSE reason {@code circuit_breaker}. Entries (orders that open or increase a lot) filling at the
 * {@code cooldownBars} bars after the tripping bar are refused; when the cooldown ends the peak is
 * reset to that bar's equity. These timings are the implementation's reading of §9.
 *
 * @param maxDrawdown  drawdown fraction in (0, 1]; NaN = not used
 * @param maxBarLoss   one-bar loss fraction in (0, 1]; NaN = not used
 * @param cooldownBars bars after the trip during which entries are refused, &gt;= 0
 */
public record CircuitBreaker(double maxDrawdown, double maxBarLoss, int cooldownBars) {
    public CircuitBreaker {
        if (!Double.isNaN(maxDrawdown) && !(maxDrawdown > 0 && maxDrawdown <= 1)) {
            throw new IllegalArgumentException("risk.circuit_breaker.max_drawdown must be in (0, 1], got " + maxDrawdown);
        }
        if (!Double.isNaN(maxBarLoss) && !(maxBarLoss > 0 && maxBarLoss <= 1)) {
            throw new IllegalArgumentException("risk.circuit_breaker.max_bar_loss must be in (0, 1], got " + maxBarLoss);
        }
        if (Double.isNaN(maxDrawdown) && Double.isNaN(maxBarLoss)) {
            throw new IllegalArgumentException("risk.circuit_breaker needs max_drawdown or max_bar_loss");
        }
        if (cooldownBars < 0) {
            throw new IllegalArgumentException("risk.circuit_breaker.cooldown_bars must be >= 0, got " + cooldownBars);
        }
    }
}
