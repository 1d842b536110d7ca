package io.quantlake.ledger;

/** The side of a lot: long (quantity > 0) or short (quantity < 0). */
public enum PositionSide {
    LONG,
    SHORT;

    private static final PositionSide[] VALUES = values();

    static PositionSide of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The side of a signed quantity (0 counts as long). */
    public static PositionSide ofQuantity(double q) {
        return q < 0 ? SHORT : LONG;
    }

    /** +1 for long, -1 for short. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }

    public PositionSide opposite() {
        return this == LONG ? SHORT : LONG;
    }
}
