package io.quantlake.sizing;

/**
 * How a full-Kelly allocation is turned into a position (see {@link Kelly#sized}).
 *
 * @param fraction    multiplier on full Kelly in (0, 1]; 0.5 is half-Kelly
 * @param perAssetCap cap on each {@code |w_i|} after the fraction, {@code > 0} ({@code +Infinity}: none)
 * @param grossCap    cap on {@code sum_i |w_i|} after the per-asset cap, {@code > 0} ({@code +Infinity}: none)
 */
public record KellyCaps(double fraction, double perAssetCap, double grossCap) {
    public KellyCaps {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("Kelly fraction must be in (0, 1], got " + fraction);
        }
        if (!(perAssetCap > 0)) {
            throw new IllegalArgumentException("Kelly perAssetCap must be > 0, got " + perAssetCap);
        }
        if (!(grossCap > 0)) {
            throw new IllegalArgumentException("Kelly grossCap must be > 0, got " + grossCap);
        }
    }

    /** Full Kelly, no caps. */
    public static KellyCaps full() {
        return new KellyCaps(1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** {@code fraction} of Kelly, no caps. */
    public static KellyCaps fractional(double fraction) {
        return new KellyCaps(fraction, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }
}
