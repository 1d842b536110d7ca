package io.quantlake.tearsheet;

import io.quantlake.ledger.PositionSide;

/**
 * One closed round trip of a position (SIMULATION.md R29): from the first trade row of the position's life
 * (its {@code OPEN}) to the trade row that takes it to 0.
 *
 * @param pnl         Σ realized_pnl of the life's trade rows (USDT; fees and funding excluded)
 * @param holdingBars grid bars from the opening row's bar to the closing row's bar (0: same bar)
 */
public record RoundTrip(String symbol, PositionSide side, long openTime, long closeTime, double pnl, int holdingBars) {
    /** Won when the life's realized PnL is positive (R29, §12.7). */
    public boolean won() {
        return pnl > 0;
    }
}
