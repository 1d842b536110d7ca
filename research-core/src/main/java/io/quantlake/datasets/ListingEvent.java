package io.quantlake.datasets;

import java.util.Objects;

/**
 * A listing (the symbol's first bar opens at {@code time}) or a delisting (its data ends before
 * {@code time}: the last 1h bar opens at {@code time - 1h}), UTC epoch ms, in every market of the sample.
 */
public record ListingEvent(Kind kind, String symbol, long time) {
    /** Which side of the symbol's life the event marks. */
    public enum Kind { LISTING, DELISTING }

    public ListingEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(symbol, "symbol");
    }
}
