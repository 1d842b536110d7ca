package io.quantlake.datasets;

import io.quantlake.market.Market;
import java.util.Objects;

/**
 * A planted outage: no 1h bar of {@code symbol} in {@code market} opens in {@code [start, end)} (UTC
 * epoch ms, hour-aligned). A 1d bar is missing only for a UTC day the gap covers completely; a day it
 * covers in part keeps its 1d bar, aggregated from the hours that remain.
 */
public record BarGap(Market market, String symbol, long start, long end) {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    public BarGap {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        if (start % HOUR != 0 || end % HOUR != 0 || end <= start) {
            throw new IllegalArgumentException("gap of " + symbol + ": [start, end) must be hour-aligned and non-empty, got ["
                    + start + ", " + end + ")");
        }
    }

    /** Whether the gap removes whole UTC days (and so their 1d bars). */
    public boolean wholeDays() {
        return start % DAY == 0 && end % DAY == 0;
    }

    /** Number of missing 1h bars. */
    public long hours() {
        return (end - start) / HOUR;
    }
}
