package io.quantlake.datasets;

import java.util.List;
import java.util.Objects;

/**
 * The resolved form of a {@link SampleUniverseSpec}: every symbol's profile and every planted fact,
 * decided from the seed before any path is drawn. Times are UTC epoch ms.
 *
 * @param startMs       open time of the first day
 * @param endMs         exclusive end of the sample
 * @param hourlyStartMs first open time that has 1h files
 */
public record UniversePlan(SampleUniverseSpec spec, ModelParameters params, List<SymbolProfile> symbols,
                           List<PlantedPair> pairs, List<ListingEvent> events, List<BarGap> gaps,
                           long startMs, long endMs, long hourlyStartMs) {
    static final long HOUR = 3_600_000L;
    static final long DAY = 86_400_000L;

    public UniversePlan {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(params, "params");
        symbols = List.copyOf(symbols);
        pairs = List.copyOf(pairs);
        events = List.copyOf(events);
        gaps = List.copyOf(gaps);
        if (startMs % DAY != 0 || endMs % DAY != 0 || endMs <= startMs) {
            throw new IllegalArgumentException("sample [" + startMs + ", " + endMs + ") must be whole UTC days");
        }
    }

    /** Number of days in the sample. */
    public int days() {
        return (int) ((endMs - startMs) / DAY);
    }

    /** Number of hours in the sample. */
    public int hours() {
        return days() * 24;
    }

    /** The profile of {@code symbol}; the error lists the universe size. */
    public SymbolProfile profile(String symbol) {
        for (SymbolProfile p : symbols) {
            if (p.symbol().equals(symbol)) {
                return p;
            }
        }
        throw new IllegalArgumentException("symbol " + symbol + " is not in the sample universe of " + symbols.size());
    }
}
