package io.quantlake.lake;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which candles to read: a universe (in the order the panel keeps) of one market and interval,
 * bars with {@code startMs <= open_time < endMs} (UTC epoch ms; SIMULATION.md §12.1).
 */
public record CandleQuery(Market market, Interval interval, List<String> universe, long startMs, long endMs) {
    public CandleQuery {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(interval, "interval");
        universe = List.copyOf(universe);
        if (universe.isEmpty()) {
            throw new IllegalArgumentException("universe must name at least one symbol");
        }
        Set<String> seen = new HashSet<>();
        for (String s : universe) {
            if (s.isBlank() || !seen.add(s)) {
                throw new IllegalArgumentException("universe symbols must be non-blank and distinct, got '" + s
                        + "' in " + universe);
            }
        }
        if (startMs >= endMs) {
            throw new IllegalArgumentException("start must be before end, got start=" + Instant.ofEpochMilli(startMs)
                    + " end=" + Instant.ofEpochMilli(endMs));
        }
    }

    /** A query over {@code [start, end)}. */
    public static CandleQuery of(Market market, Interval interval, List<String> universe, Instant start, Instant end) {
        return new CandleQuery(market, interval, universe, start.toEpochMilli(), end.toEpochMilli());
    }
}
