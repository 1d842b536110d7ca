package io.quantlake.strategy;

import io.quantlake.exit.ExitStrategy;
import io.quantlake.ledger.Reason;
import java.util.List;
import java.util.Objects;

/**
 * One order intent of a {@link SignalStrategy} (DESIGN.md tier 2), decided at a bar's close and
 * filled per SIMULATION.md §2.
 *
 * <ul>
 *   <li>{@code OPEN LONG|SHORT}: opens (or adds to) the lot of that side. Size: a quantity, or a
 *       weight {@code w} giving {@code q = w · E_t / fill_price} with {@code E_t} the equity at the
 *       decision (as the legacy manager sizes, R19).</li>
 *   <li>{@code OPEN HEDGE}: opens a lot on the side opposite to the symbol's only open lot
 *       (hedge mode: both lots are then open, each with its own exits); rows are typed HEDGE.</li>
 *   <li>{@code CLOSE LONG|SHORT|HEDGE}: closes the lot ({@link All}) or part of it
 *       ({@link Quantity}); HEDGE closes the hedge lot.</li>
 *   <li>{@code REBALANCE LONG|SHORT}: sets the lot of that side to a target: a quantity, or a
 *       weight of the execution bar's equity {@code E'} (§5); rows per {@code RebalanceExitStrategy}.</li>
 * </ul>
 *
 * @param symbol the symbol
 * @param side   LONG, SHORT or HEDGE
 * @param action OPEN, CLOSE or REBALANCE
 * @param size   the size (see above)
 * @param exits  the exit chain of the lot an OPEN creates, in priority order (ignored otherwise)
 * @param reason the ledger reason of the rows it fills, or null for the engine's (R15: {@code signal},
 *               {@code rebalance}, {@code hedge}); the risk layer closes with {@code risk_<rule>}
 */
public record Signal(String symbol, Side side, Action action, Size size, List<ExitStrategy> exits, Reason reason) {
    /** Which lot the signal is about. */
    public enum Side { LONG, SHORT, HEDGE }

    /** What to do with it. */
    public enum Action { OPEN, CLOSE, REBALANCE }

    /** A signal's size. */
    public sealed interface Size permits Quantity, Weight, All {
    }

    /** An absolute quantity in base units, &gt;= 0. */
    public record Quantity(double value) implements Size {
        public Quantity {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("signal quantity must be finite and >= 0, got " + value);
            }
        }
    }

    /** A fraction of equity, &gt;= 0 (the side gives the sign). */
    public record Weight(double value) implements Size {
        public Weight {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("signal weight must be finite and >= 0, got " + value);
            }
        }
    }

    /** The whole lot (CLOSE only). */
    public record All() implements Size {
    }

    public Signal {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(size, "size");
        exits = List.copyOf(exits);
        switch (action) {
            case OPEN -> {
                if (size instanceof All) {
                    throw new IllegalArgumentException("OPEN needs a quantity or a weight, got All" + where(action, side, symbol));
                }
            }
            case CLOSE -> {
                if (size instanceof Weight) {
                    throw new IllegalArgumentException("CLOSE takes All or a quantity, got a weight" + where(action, side, symbol));
                }
            }
            case REBALANCE -> {
                if (side == Side.HEDGE || size instanceof All) {
                    throw new IllegalArgumentException("REBALANCE needs side LONG or SHORT and a quantity or weight"
                            + where(action, side, symbol));
                }
            }
        }
    }

    /** Names the signal in an error message. */
    private static String where(Action action, Side side, String symbol) {
        return " (signal " + action + " " + side + " " + symbol + ")";
    }

    /** A signal whose rows get the engine's reasons (R15). */
    public Signal(String symbol, Side side, Action action, Size size, List<ExitStrategy> exits) {
        this(symbol, side, action, size, exits, null);
    }

    /** The same signal with another size. */
    public Signal withSize(Size newSize) {
        return new Signal(symbol, side, action, newSize, exits, reason);
    }

    /** CLOSE {@code quantity} base units of the lot of {@code side} (all of it if larger), rows with {@code reason}. */
    public static Signal reduce(String symbol, Side side, double quantity, Reason reason) {
        return new Signal(symbol, side, Action.CLOSE, new Quantity(quantity), List.of(), Objects.requireNonNull(reason));
    }

    /** OPEN with an exit chain. */
    public static Signal open(String symbol, Side side, Size size, List<ExitStrategy> exits) {
        return new Signal(symbol, side, Action.OPEN, size, exits);
    }

    /** CLOSE the whole lot of {@code side}. */
    public static Signal close(String symbol, Side side) {
        return new Signal(symbol, side, Action.CLOSE, new All(), List.of());
    }

    /** REBALANCE the lot of {@code side} to {@code weight} of equity. */
    public static Signal rebalance(String symbol, Side side, double weight) {
        return new Signal(symbol, side, Action.REBALANCE, new Weight(weight), List.of());
    }
}
