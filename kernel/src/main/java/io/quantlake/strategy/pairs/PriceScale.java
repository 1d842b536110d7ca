package io.quantlake.strategy.pairs;

/**
 * The price a pair is tested and traded on: {@code LOG} (natural log of the close, the default, so
 * the hedge ratio is an elasticity) or {@code RAW} (the close in quote currency).
 */
public enum PriceScale {
    LOG, RAW;

    /**
     * The scaled price of a close; NaN stays NaN (a missing bar).
     *
     * @throws IllegalArgumentException for a non-positive close on the log scale
     */
    public double apply(double close) {
        if (this == RAW || Double.isNaN(close)) {
            return close;
        }
        if (!(close > 0)) {
            throw new IllegalArgumentException("log price needs a close > 0, got " + close);
        }
        return Math.log(close);
    }

    /**
     * The scale spelled {@code code} ({@code log} or {@code raw}, as {@code --price} and the YAML key {@code price}).
     *
     * @throws IllegalArgumentException naming the accepted values otherwise
     */
    public static PriceScale parse(String code) {
        for (PriceScale p : values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("price must be log or raw, got '" + code + "'");
    }

    /** The config spelling, {@code log} or {@code raw}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
