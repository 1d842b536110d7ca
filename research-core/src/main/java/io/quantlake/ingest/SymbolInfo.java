package io.quantlake.ingest;

import io.quantlake.market.Market;

/**
 * Exchange metadata of one symbol, a row of {@code symbols} (key: market, symbol).
 * Times UTC epoch ms ({@code -1} when unknown); {@code tickSize} in quote currency,
 * {@code stepSize} in base asset, {@code minNotional} in quote currency (NaN when unknown).
 */
public record SymbolInfo(Market market, String symbol, String base, String quote, String status,
                         long onboardTime, long delistTime, double tickSize, double stepSize, double minNotional) {
}
