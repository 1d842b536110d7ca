package io.quantlake.ingest;

/**
 * The unit of an epoch timestamp in a source file. Binance archives hold milliseconds, except spot files from
 * 2025-01-01 on, which hold microseconds. The unit is detected from the magnitude (epoch ms stay below
 * 1e14 until the year 5138; epoch µs pass 1e14 in 1973) and must be the same for every row of one file.
 */
public enum EpochUnit {
    MILLIS("ms", 1L),
    MICROS("µs", 1_000L);

    /** Values at or above this are microseconds. */
    static final long MICROS_FROM = 100_000_000_000_000L;
    /** Values at or above this are neither ms nor µs (nanoseconds or garbage). */
    static final long TOO_LARGE_FROM = 100_000_000_000_000_000L;

    private final String symbol;
    private final long perMilli;

    EpochUnit(String symbol, long perMilli) {
        this.symbol = symbol;
        this.perMilli = perMilli;
    }

    /** The unit of {@code raw} by magnitude, or null when {@code |raw| >= 1e17} (not a supported unit). */
    static EpochUnit detect(long raw) {
        long abs = Math.abs(raw);
        if (abs >= TOO_LARGE_FROM || raw == Long.MIN_VALUE) {
            return null;
        }
        return abs >= MICROS_FROM ? MICROS : MILLIS;
    }

    /** How many of this unit make one millisecond (1 or 1000). */
    long perMilli() {
        return perMilli;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
