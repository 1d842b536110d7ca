package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.util.List;

/**
 * The row formats of Binance klines and funding rates, shared by the public archive (data.binance.vision)
 * and the REST API, which returns a kline as the same 12 values.
 *
 * <p>Kline columns: {@code open_time, open, high, low, close, volume, close_time, quote_volume, count,
 * taker_buy_volume, taker_buy_quote_volume, ignore}. Times are epoch ms, or µs in spot archives from
 * 2025 on (detected per source, see {@link EpochUnit}); {@code close_time} is checked for the same unit but
 * not stored. USDⓈ-M archives start with the header {@link #KLINE_HEADER}, spot archives have none.
 *
 * <p>Funding-rate archive columns: {@link #FUNDING_HEADER}; {@code calc_time} is the funding time
 * (epoch ms), {@code last_funding_rate} the rate as a fraction; the archive carries no mark price.
 */
final class BinanceFormat {
    static final String KLINE_HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";
    static final List<String> KLINE_HEADERS = List.of(KLINE_HEADER);
    static final String FUNDING_HEADER = "calc_time,funding_interval_hours,last_funding_rate";
    static final List<String> FUNDING_HEADERS = List.of(FUNDING_HEADER);

    private BinanceFormat() {
    }

    /** One kline row of 12 fields as a candle (not yet validated, see {@link CandleValidator}). */
    static CandleBar kline(String[] f, Market market, Interval interval, String symbol, FieldParser p, long line)
            throws RowRejection {
        columns(f, 12, KLINE_HEADER);
        long openTime = p.epochMillis(f, 0, "open_time", line);
        double open = FieldParser.decimal(f, 1, "open");
        double high = FieldParser.decimal(f, 2, "high");
        double low = FieldParser.decimal(f, 3, "low");
        double close = FieldParser.decimal(f, 4, "close");
        double volume = FieldParser.decimal(f, 5, "volume");
        p.epochRaw(f, 6, "close_time", line);
        double quoteVolume = FieldParser.decimal(f, 7, "quote_volume");
        long count = FieldParser.integer(f, 8, "count");
        double takerBase = FieldParser.decimal(f, 9, "taker_buy_volume");
        double takerQuote = FieldParser.decimal(f, 10, "taker_buy_quote_volume");
        return new CandleBar(market, interval, symbol, openTime, open, high, low, close, volume,
                quoteVolume, count, takerBase, takerQuote);
    }

    /** One funding-rate archive row ({@link #FUNDING_HEADER}) as a record without mark price. */
    static FundingRecord fundingArchive(String[] f, String symbol, FieldParser p, long line) throws RowRejection {
        columns(f, 3, FUNDING_HEADER);
        long time = p.epochMillis(f, 0, "calc_time", line);
        long hours = FieldParser.integer(f, 1, "funding_interval_hours");
        if (hours <= 0) {
            throw new RowRejection(QuarantineReason.UNPARSABLE_FIELD,
                    "funding_interval_hours " + hours + " must be > 0");
        }
        double rate = FieldParser.decimal(f, 2, "last_funding_rate");
        return new FundingRecord(Market.USDM, symbol, time, rate, Double.NaN);
    }

    /** Rejects a row whose field count is not {@code expected}, naming the columns expected. */
    static void columns(String[] f, int expected, String header) throws RowRejection {
        if (f.length != expected) {
            throw new RowRejection(QuarantineReason.WRONG_COLUMN_COUNT,
                    expected + " columns expected (" + header + "), got " + f.length);
        }
    }
}
