package io.quantlake.ingest;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;

/**
 * One validated candle, a row of the Delta table {@code candles} (key: market, interval, symbol,
 * openTime). Times are UTC epoch milliseconds; prices in quote currency; {@code volume} and
 * {@code takerBuyBase} in base asset; {@code quoteVolume} and {@code takerBuyQuote} in quote
 * currency. Fields a source does not carry are NaN ({@code trades}: -1).
 */
public record CandleBar(Market market, Interval interval, String symbol, long openTime,
                        double open, double high, double low, double close, double volume,
                        double quoteVolume, long trades, double takerBuyBase, double takerBuyQuote) {
}
