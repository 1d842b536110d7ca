package io.quantlake.lake;

import io.quantlake.ingest.CandleBar;
import io.quantlake.ingest.IngestBatch;
import io.quantlake.ingest.IngestFrames;
import io.quantlake.market.FundingRecord;
import io.quantlake.ingest.QuarantineRow;
import io.quantlake.ingest.SymbolInfo;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Converts ingest records to rows of the ingest frames ({@link IngestFrames}) and the lake tables' schemas
 * ({@link LakeTable}). Values a source does not carry — NaN doubles, {@code trades} of -1, times of -1 — become
 * SQL NULL.
 */
final class BatchRows {
    private BatchRows() {
    }

    /**
     * {@code batch} as the frames a Spark read gives ({@link IngestFrames}), keys checked unique (the error names
     * the table and the key).
     */
    static IngestFrames frames(SparkSession spark, IngestBatch batch, String ingestRun) {
        List<Row> candles = frameCandles(batch.candles());
        List<Row> funding = frameFunding(batch.funding());
        DeltaMerge.requireUniqueKeys(LakeTable.CANDLES, candles);
        DeltaMerge.requireUniqueKeys(LakeTable.FUNDING_RATES, funding);
        List<Row> quarantine = new ArrayList<>();
        for (Row q : quarantine(batch.quarantine(), ingestRun)) {
            quarantine.add(RowFactory.create(q.getString(1), q.getLong(2), q.getString(3), q.getString(4), null, 0,
                    null, null, null, null, 0));
        }
        List<QuarantineRow> files = batch.quarantine().stream().filter(q -> q.reason().isFileReason()).toList();
        return new IngestFrames(batch.files(), batch.rowsRead(),
                spark.createDataFrame(candles, IngestFrames.CANDLES_SCHEMA),
                spark.createDataFrame(funding, IngestFrames.FUNDING_SCHEMA), batch.symbols(),
                spark.createDataFrame(quarantine, IngestFrames.QUARANTINE_SCHEMA), files, List.of(), null);
    }

    /** Candles in the lake's schema ({@link LakeTable#CANDLES}), written by {@code ingestRun}. */
    static List<Row> candles(List<CandleBar> bars, String ingestRun) {
        List<Row> out = new ArrayList<>(bars.size());
        for (Row r : frameCandles(bars)) {
            Object[] v = new Object[r.size() + 1];
            for (int k = 0; k < r.size(); k++) {
                v[k] = r.get(k);
            }
            v[3] = ts(r.getLong(3));
            v[r.size()] = ingestRun;
            out.add(RowFactory.create(v));
        }
        return out;
    }

    /** Candles in {@link IngestFrames#CANDLES_SCHEMA}. */
    static List<Row> frameCandles(List<CandleBar> bars) {
        List<Row> out = new ArrayList<>(bars.size());
        for (CandleBar b : bars) {
            out.add(RowFactory.create(b.market().code(), b.interval().code(), b.symbol(), b.openTime(),
                    b.open(), b.high(), b.low(), b.close(), orNull(b.volume()), orNull(b.quoteVolume()),
                    b.trades() < 0 ? null : b.trades(), orNull(b.takerBuyBase()), orNull(b.takerBuyQuote())));
        }
        return out;
    }

    /** Funding records in {@link IngestFrames#FUNDING_SCHEMA}. */
    static List<Row> frameFunding(List<FundingRecord> records) {
        List<Row> out = new ArrayList<>(records.size());
        for (FundingRecord f : records) {
            out.add(RowFactory.create(f.market().code(), f.symbol(), f.fundingTime(), f.fundingRate(),
                    orNull(f.markPrice())));
        }
        return out;
    }

    static List<Row> symbols(List<SymbolInfo> infos) {
        List<Row> out = new ArrayList<>(infos.size());
        for (SymbolInfo s : infos) {
            out.add(RowFactory.create(s.market().code(), s.symbol(), s.base(), s.quote(), s.status(),
                    s.onboardTime() < 0 ? null : ts(s.onboardTime()), s.delistTime() < 0 ? null : ts(s.delistTime()),
                    orNull(s.tickSize()), orNull(s.stepSize()), orNull(s.minNotional())));
        }
        return out;
    }

    /**
     * Quarantine rows of run {@code ingestRun}; the reason column holds the reason code (the
     * record's human-readable detail is not a column of the table). A second row for the same
     * source and line (a line rejected twice) is dropped: the key is (ingest_run, source, line).
     */
    static List<Row> quarantine(List<QuarantineRow> rows, String ingestRun) {
        List<Row> out = new ArrayList<>(rows.size());
        Set<String> seen = new HashSet<>();
        for (QuarantineRow q : rows) {
            if (seen.add(q.source() + '\n' + q.line())) {
                out.add(RowFactory.create(ingestRun, q.source(), q.line(), q.raw(), q.reason().code()));
            }
        }
        return out;
    }

    /** A Spark timestamp of UTC epoch milliseconds. */
    static Timestamp ts(long epochMs) {
        return new Timestamp(epochMs);
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
