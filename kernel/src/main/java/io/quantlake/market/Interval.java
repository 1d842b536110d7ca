package io.quantlake.market;

import java.util.ArrayList;
import java.util.List;

/**
 * A Binance candle interval of fixed length on a 24/7 UTC calendar.
 *
 * <p>Bars open on UTC boundaries that are multiples of {@link #millis()} since the epoch,
 * except {@code 1w}, whose bars open on Mondays 00:00 UTC (as Binance does). The monthly
 * interval {@code 1M} has no fixed length and is not supported.
 */
public enum Interval {
    M1("1m", 60_000L),
    M3("3m", 3 * 60_000L),
    M5("5m", 5 * 60_000L),
    M15("15m", 15 * 60_000L),
    M30("30m", 30 * 60_000L),
    H1("1h", 3_600_000L),
    H2("2h", 2 * 3_600_000L),
    H4("4h", 4 * 3_600_000L),
    H6("6h", 6 * 3_600_000L),
    H8("8h", 8 * 3_600_000L),
    H12("12h", 12 * 3_600_000L),
    D1("1d", 86_400_000L),
    D3("3d", 3 * 86_400_000L),
    W1("1w", 7 * 86_400_000L);

    /** 1970-01-01 was a Thursday; Binance weeks open on Monday 1970-01-05 00:00 UTC. */
    private static final long WEEK_ANCHOR_MS = 4 * 86_400_000L;
    private static final double MINUTES_PER_YEAR = 365.0 * 24 * 60;

    private final String code;
    private final long millis;

    Interval(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    /** The Binance code, e.g. {@code "1h"}. */
    public String code() {
        return code;
    }

    /** Length of one bar in milliseconds. */
    public long millis() {
        return millis;
    }

    /** Periods per 365-day year: minutes per year / minutes per bar (1d gives 365, 1h 8760, 1w 365/7). */
    public double periodsPerYear() {
        return MINUTES_PER_YEAR / (millis / 60_000.0);
    }

    /** The open time of the bar containing {@code epochMs} (UTC). */
    public long floor(long epochMs) {
        long anchor = this == W1 ? WEEK_ANCHOR_MS : 0L;
        return Math.floorDiv(epochMs - anchor, millis) * millis + anchor;
    }

    /** Whether {@code epochMs} is a valid bar open time of this interval. */
    public boolean isAligned(long epochMs) {
        return floor(epochMs) == epochMs;
    }

    /** Parses a Binance code such as {@code 4h}; the error lists the accepted codes. */
    public static Interval parse(String code) {
        for (Interval i : values()) {
            if (i.code.equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown interval '" + code + "'; accepted: " + codes());
    }

    /** All accepted codes, comma separated. */
    public static String codes() {
        List<String> out = new ArrayList<>();
        for (Interval i : values()) {
            out.add(i.code);
        }
        return String.join(", ", out);
    }

    @Override
    public String toString() {
        return code;
    }
}
