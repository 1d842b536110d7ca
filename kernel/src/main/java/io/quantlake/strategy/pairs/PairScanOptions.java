package io.quantlake.strategy.pairs;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link PairScan} tests: the options of {@code bin/quantlake pairs}.
 *
 * @param symbols the symbols whose ordered pairs are tested (at least 2, distinct); an empty list means every
 *                symbol of the panel
 * @param startMs first bar open time included, UTC epoch ms ({@code Long.MIN_VALUE}: from the panel's start)
 * @param endMs   first bar open time excluded, UTC epoch ms ({@code Long.MAX_VALUE}: to the panel's end)
 * @param price   price scale, {@link PriceScale#LOG} by default
 */
public record PairScanOptions(List<String> symbols, long startMs, long endMs, PriceScale price) {
    public PairScanOptions {
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(price, "price");
        if (symbols.size() == 1) {
            throw new IllegalArgumentException("--symbols needs at least 2 symbols for a pair, got " + symbols);
        }
        if (symbols.stream().distinct().count() != symbols.size()) {
            throw new IllegalArgumentException("--symbols must be distinct, got " + symbols);
        }
        if (startMs >= endMs) {
            throw new IllegalArgumentException("--start must be before --end, got start " + startMs + " ms, end " + endMs + " ms");
        }
    }

    /** Every symbol of the panel, the whole panel, log prices. */
    public static PairScanOptions all() {
        return new PairScanOptions(List.of(), Long.MIN_VALUE, Long.MAX_VALUE, PriceScale.LOG);
    }

    /** The given symbols over the whole panel on log prices. */
    public static PairScanOptions of(List<String> symbols) {
        return new PairScanOptions(symbols, Long.MIN_VALUE, Long.MAX_VALUE, PriceScale.LOG);
    }

    public PairScanOptions withRange(long startMs, long endMs) {
        return new PairScanOptions(symbols, startMs, endMs, price);
    }

    public PairScanOptions withPrice(PriceScale price) {
        return new PairScanOptions(symbols, startMs, endMs, price);
    }
}
