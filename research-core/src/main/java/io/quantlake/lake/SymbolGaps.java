package io.quantlake.lake;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;

/**
 * Missing bars of one symbol in the lake: within {@code [first, last]} (open times, UTC epoch ms)
 * the lake holds {@code bars} candles of {@code interval}, so
 * {@code missing = (last − first) / interval + 1 − bars}.
 */
public record SymbolGaps(Market market, Interval interval, String symbol, long first, long last, long bars) {
    public SymbolGaps {
        if (last < first || bars < 1) {
            throw new IllegalArgumentException(symbol + " " + interval + ": need first <= last and bars >= 1, got first="
                    + first + " last=" + last + " bars=" + bars);
        }
    }

    /** Bars missing inside {@code [first, last]}. */
    public long missing() {
        return (last - first) / interval.millis() + 1 - bars;
    }
}
