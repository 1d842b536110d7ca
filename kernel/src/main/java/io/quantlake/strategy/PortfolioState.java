package io.quantlake.strategy;

import io.quantlake.ledger.PositionSide;

/**
 * The account as a {@link SignalStrategy} sees it at a decision (step 5 of SIMULATION.md §12.2:
 * after the bar's fills, exits, delisting closes and funding; before its decisions). Symbols are
 * addressed by universe index, as in {@link MarketSnapshot}. A flyweight; do not keep it.
 */
public interface PortfolioState {
    /** {@code E_t = C + Σ q · close} (last known close where missing), R19. */
    double equity();

    double cash();

    /** Signed quantity of the lot of {@code side} of symbol {@code k} (0 when none). */
    double quantity(int k, PositionSide side);

    /** Whether symbol {@code k} has an order decided earlier and not yet filled (carried, R8). */
    boolean pending(int k);

    /** Number of symbols with any open lot. */
    int heldCount();

    /** Number of symbols with a pending order that are not held. */
    int pendingCount();

    /** Whether symbol {@code k} has any open lot. */
    default boolean held(int k) {
        return quantity(k, PositionSide.LONG) != 0 || quantity(k, PositionSide.SHORT) != 0;
    }

    /** An account with nothing held or pending and unknown (NaN) equity and cash. */
    static PortfolioState empty() {
        return new PortfolioState() {
            @Override
            public double equity() {
                return Double.NaN;
            }

            @Override
            public double cash() {
                return Double.NaN;
            }

            @Override
            public double quantity(int k, PositionSide side) {
                return 0;
            }

            @Override
            public boolean pending(int k) {
                return false;
            }

            @Override
            public int heldCount() {
                return 0;
            }

            @Override
            public int pendingCount() {
                return 0;
            }
        };
    }
}
