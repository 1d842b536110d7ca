package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Gathers what one REST download reads (files are read with Spark, {@link SparkIngest}): counts, validated
 * candles and funding records (deduplicated by key,
 * see {@link KeyedRows}), symbols and quarantine rows; {@link #build()} makes the {@link IngestBatch}.
 * Quarantine order: rows rejected while reading, in reading order, then
 * conflicting duplicates by key.
 */
final class IngestCollector {
    private record CandleKey(Market market, Interval interval, String symbol, long openTime) {
        @Override
        public String toString() {
            return market + " " + interval + " " + symbol + " open_time " + openTime + " (" + Instant.ofEpochMilli(openTime) + ")";
        }
    }

    private record FundingKey(Market market, String symbol, long fundingTime) {
        @Override
        public String toString() {
            return market + " " + symbol + " funding_time " + fundingTime + " (" + Instant.ofEpochMilli(fundingTime) + ")";
        }
    }

    static final Comparator<CandleBar> CANDLE_ORDER = Comparator.comparing(CandleBar::market)
            .thenComparing(CandleBar::interval).thenComparing(CandleBar::symbol).thenComparingLong(CandleBar::openTime);
    static final Comparator<FundingRecord> FUNDING_ORDER = Comparator.comparing(FundingRecord::market)
            .thenComparing(FundingRecord::symbol).thenComparingLong(FundingRecord::fundingTime);

    private int files;
    private long rowsRead;
    private final KeyedRows<CandleBar> candles =
            new KeyedRows<>(b -> new CandleKey(b.market(), b.interval(), b.symbol(), b.openTime()));
    private final KeyedRows<FundingRecord> funding =
            new KeyedRows<>(f -> new FundingKey(f.market(), f.symbol(), f.fundingTime()));
    private final List<SymbolInfo> symbols = new ArrayList<>();
    private final List<QuarantineRow> quarantine = new ArrayList<>();
    /** One more input file (or REST page) read. */
    void countFile() {
        files++;
    }

    /** One more data row read (header lines are not rows). */
    void countRow() {
        rowsRead++;
    }

    /** A parsed candle: kept if {@link CandleValidator} accepts it, else quarantined. */
    void candle(CandleBar bar, String source, long line, String raw) {
        Optional<Violation> v = CandleValidator.check(bar);
        if (v.isPresent()) {
            quarantine.add(v.get().toRow(source, line, raw));
        } else {
            candles.add(bar, source, line, raw);
        }
    }

    /** A parsed funding record: kept if {@link FundingValidator} accepts it, else quarantined. */
    void funding(FundingRecord record, String source, long line, String raw) {
        Optional<Violation> v = FundingValidator.check(record);
        if (v.isPresent()) {
            quarantine.add(v.get().toRow(source, line, raw));
        } else {
            funding.add(record, source, line, raw);
        }
    }

    /** A row that could not be parsed. */
    void reject(RowRejection e, String source, long line, String raw) {
        quarantine.add(e.violation().toRow(source, line, raw));
    }

    void symbol(SymbolInfo info) {
        symbols.add(info);
    }

    IngestBatch build() {
        List<QuarantineRow> q = new ArrayList<>(quarantine);
        q.addAll(candles.conflicts(CANDLE_ORDER));
        q.addAll(funding.conflicts(FUNDING_ORDER));
        return new IngestBatch(files, rowsRead, candles.accepted(CANDLE_ORDER), funding.accepted(FUNDING_ORDER),
                symbols, q);
    }
}
