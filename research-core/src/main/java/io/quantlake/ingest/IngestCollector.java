package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import io.quantlake.market.Interval;
import io.quantlake.market.Market;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Gathers what one ingest call reads: counts, validated candles and funding records (deduplicated by key,
 * see {@link KeyedRows}), symbols and quarantine rows; {@link #build()} makes the {@link IngestBatch}.
 * Quarantine order: rows (and whole files, see {@link #file}) rejected while reading, in reading order, then
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
    /** Open times of every parsed candle, valid or not (for the spacing check of one file). */
    private long[] openTimes = new long[0];
    private int parsedCandles;

    /** Reads one input file into a collector of its own; see {@link #file}. */
    @FunctionalInterface
    interface FileBody {
        void read(IngestCollector file) throws IOException, FileRejection;
    }

    /**
     * Reads one input file whole or not at all: {@code body} reads it into a collector of its own, whose rows
     * join this batch only when the file is sound. A file that {@code body} rejects ({@link FileRejection}),
     * cannot read to its end ({@link IOException}: {@link QuarantineReason#UNREADABLE_FILE}), that holds no data
     * row ({@link QuarantineReason#EMPTY_FILE}) or whose bars are spaced unlike {@code interval}
     * ({@link BarSpacing}) becomes one quarantine row: source {@code source}, line 0, empty raw text. Its rows
     * still count as read.
     *
     * @param interval the interval of the file's candles; null for a file of funding records
     */
    void file(String source, Interval interval, FileBody body) {
        countFile();
        IngestCollector one = new IngestCollector();
        Optional<Violation> bad;
        try {
            body.read(one);
            bad = one.wholeFileViolation(interval);
        } catch (FileRejection e) {
            bad = Optional.of(e.violation());
        } catch (IOException e) {
            bad = Optional.of(new Violation(QuarantineReason.UNREADABLE_FILE, "cannot be read to its end ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")"));
        }
        rowsRead += one.rowsRead;
        if (bad.isPresent()) {
            quarantine.add(bad.get().toRow(source, 0, ""));
        } else {
            candles.addAll(one.candles);
            funding.addAll(one.funding);
            symbols.addAll(one.symbols);
            quarantine.addAll(one.quarantine);
        }
    }

    private Optional<Violation> wholeFileViolation(Interval interval) {
        if (rowsRead == 0) {
            return Optional.of(new Violation(QuarantineReason.EMPTY_FILE, "holds no data row"));
        }
        return interval == null ? Optional.empty() : BarSpacing.check(openTimes, parsedCandles, interval);
    }

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
        if (parsedCandles == openTimes.length) {
            openTimes = Arrays.copyOf(openTimes, Math.max(16, 2 * parsedCandles));
        }
        openTimes[parsedCandles++] = bar.openTime();
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
