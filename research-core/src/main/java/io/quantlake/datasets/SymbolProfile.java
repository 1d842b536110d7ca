package io.quantlake.datasets;

import java.util.Objects;

/**
 * One symbol of the synthetic universe, as planned before any path is drawn.
 *
 * @param symbol           e.g. {@code BTCUSDT}
 * @param index            position in the universe (0 = first)
 * @param beta             loading on the common market factor (daily log returns)
 * @param idioVol          daily standard deviation of the idiosyncratic innovation (log return)
 * @param startPrice       price at the open of the first day, quote currency
 * @param priceScale       decimals of the price tick: tick = {@code 10^-priceScale}
 * @param qtyScale         decimals of the volume step: step = {@code 10^-qtyScale}
 * @param dailyQuoteVolume typical spot quote volume per day, USDT
 * @param avgTradeQuote    typical trade size, USDT (turns volume into a trade count)
 * @param firstOpenTime    open time of the first bar, UTC epoch ms (listing time, or the sample start)
 * @param endTime          exclusive end of the data, UTC epoch ms (delisting time, or the sample end)
 */
public record SymbolProfile(String symbol, int index, double beta, double idioVol, double startPrice,
                            int priceScale, int qtyScale, double dailyQuoteVolume, double avgTradeQuote,
                            long firstOpenTime, long endTime) {
    public SymbolProfile {
        Objects.requireNonNull(symbol, "symbol");
        if (!(idioVol > 0) || !(startPrice > 0) || !(dailyQuoteVolume > 0) || !(avgTradeQuote > 0)) {
            throw new IllegalArgumentException(symbol + ": idioVol, startPrice, dailyQuoteVolume and avgTradeQuote"
                    + " must be positive, got " + idioVol + ", " + startPrice + ", " + dailyQuoteVolume + ", " + avgTradeQuote);
        }
        if (priceScale < 0 || priceScale > 12 || qtyScale < 0 || qtyScale > 8) {
            throw new IllegalArgumentException(symbol + ": priceScale must be in [0, 12] and qtyScale in [0, 8], got "
                    + priceScale + ", " + qtyScale);
        }
        if (endTime <= firstOpenTime) {
            throw new IllegalArgumentException(symbol + ": endTime " + endTime + " must be after firstOpenTime " + firstOpenTime);
        }
    }
}
