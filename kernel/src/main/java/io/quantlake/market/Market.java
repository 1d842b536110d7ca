package io.quantlake.market;

/** A Binance market: spot, or USDⓈ-M perpetual futures. */
public enum Market {
    SPOT("spot"),
    USDM("usdm");

    private final String code;

    Market(String code) {
        this.code = code;
    }

    /** The lower-case code used in configs, tables and CLI options. */
    public String code() {
        return code;
    }

    /** Parses {@code spot} or {@code usdm} (case-insensitive); the error lists the accepted values. */
    public static Market parse(String code) {
        for (Market m : values()) {
            if (m.code.equalsIgnoreCase(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown market '" + code + "'; accepted: spot, usdm");
    }

    @Override
    public String toString() {
        return code;
    }
}
