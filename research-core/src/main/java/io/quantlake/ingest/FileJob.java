package io.quantlake.ingest;

import java.io.Serializable;
import java.util.Objects;

/**
 * One input file of an ingest, as shipped to the executor that reads it ({@link FileLines}).
 *
 * @param id         index of the file in the call's input order (quarantine order, "first file" of an abort)
 * @param path       the file, absolute or relative to the executors' working directory
 * @param format     how its lines are laid out
 * @param market     market code of its rows
 * @param interval   interval code of its candles; null for funding files
 * @param intervalMs bar length of {@code interval} in ms; 0 for funding files
 * @param symbol     the symbol of every row
 */
record FileJob(int id, String path, Format format, String market, String interval, long intervalMs, String symbol)
        implements Serializable {
    /** The line formats an ingest reads. */
    enum Format {
        /** Binance kline archive CSV (12 columns, optional header {@link BinanceFormat#KLINE_HEADER}). */
        ARCHIVE_KLINES(false),
        /** Binance funding-rate archive CSV (optional header {@link BinanceFormat#FUNDING_HEADER}). */
        ARCHIVE_FUNDING(true),
        /** Plain OHLCV CSV (required header {@link CsvCandleReader#HEADER}). */
        CSV_CANDLES(false),
        /** Plain funding CSV (required header {@code funding_time,funding_rate[,mark_price]}). */
        CSV_FUNDING(true);

        private final boolean funding;

        Format(boolean funding) {
            this.funding = funding;
        }

        /** Whether the rows are funding records (else candles). */
        boolean funding() {
            return funding;
        }
    }

    FileJob {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        if (format.funding() != (interval == null)) {
            throw new IllegalArgumentException(path + ": interval must be given for candle files only, got " + interval);
        }
    }
}
