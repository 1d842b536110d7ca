package io.quantlake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads input files as Spark DataFrames, so that the driver never holds rows: the list of files is parallelized
 * and each executor reads (unzips, verifies the {@code .CHECKSUM} of) its files ({@link FileLines}); the lines are
 * parsed and checked as Column expressions ({@link RowParsing}); per-file aggregates decide the files quarantined
 * whole or an abort ({@link FileVerdicts}) and tell whether valid rows can share a key; only then are they grouped
 * by key ({@link KeyedFrame}, the one frame persisted until {@link IngestFrames#release()}). Nothing else is
 * cached: each frame reads the files it needs again when it is written (see {@link #part}).
 */
final class SparkIngest {
    /** Columns of the quarantine frame: the row, then its order (phase, key, file, line; see {@link IngestFrames}). */
    static final StructType QUARANTINE_SCHEMA = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("raw", DataTypes.StringType, true)
            .add("reason", DataTypes.StringType, false)
            .add("detail", DataTypes.StringType, true)
            .add("q_phase", DataTypes.IntegerType, false)
            .add("q_market", DataTypes.StringType, true)
            .add("q_interval_ms", DataTypes.LongType, true)
            .add("q_symbol", DataTypes.StringType, true)
            .add("q_time", DataTypes.LongType, true)
            .add("q_file", DataTypes.IntegerType, false);
    static final List<String> CANDLE_KEYS = List.of("market", "interval", "symbol", "open_time");
    static final List<KeyedFrame.Value> CANDLE_VALUES = List.of(
            new KeyedFrame.Value("open", "open", false), new KeyedFrame.Value("high", "high", false),
            new KeyedFrame.Value("low", "low", false), new KeyedFrame.Value("close", "close", false),
            new KeyedFrame.Value("volume", "volume", false), new KeyedFrame.Value("quote_volume", "quoteVolume", false),
            new KeyedFrame.Value("trades", "trades", true), new KeyedFrame.Value("taker_buy_base", "takerBuyBase", false),
            new KeyedFrame.Value("taker_buy_quote", "takerBuyQuote", false));
    static final List<String> FUNDING_KEYS = List.of("market", "symbol", "funding_time");
    static final List<KeyedFrame.Value> FUNDING_VALUES = List.of(
            new KeyedFrame.Value("funding_rate", "fundingRate", false),
            new KeyedFrame.Value("mark_price", "markPrice", false));

    private SparkIngest() {
    }

    /**
     * Reads {@code jobs} (ids = their index) with {@code symbols} already read on the driver.
     *
     * @param metadataFiles files read on the driver (exchangeInfo), counted in {@link IngestFrames#files()}
     */
    static IngestFrames read(SparkSession spark, List<FileJob> jobs, List<SymbolInfo> symbols, int metadataFiles) {
        List<FileJob> candleJobs = jobs.stream().filter(j -> !j.format().funding()).toList();
        List<FileJob> fundingJobs = jobs.stream().filter(j -> j.format().funding()).toList();
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            Part candles = part(spark, candleJobs, false, cached);
            Part funding = part(spark, fundingJobs, true, cached);
            List<QuarantineRow> rejected = new ArrayList<>(candles.verdicts.rejected());
            rejected.addAll(funding.verdicts.rejected());
            Dataset<Row> quarantine = candles.quarantine.unionByName(funding.quarantine)
                    .unionByName(fileRows(spark, candles.verdicts, funding.verdicts));
            Map<String, Long> byReason = new TreeMap<>();
            for (FileVerdicts v : List.of(candles.verdicts, funding.verdicts)) {
                for (FileVerdicts.FileStats f : v.files()) {
                    f.byReason().forEach((reason, n) -> byReason.merge(reason, n, Long::sum));
                }
            }
            for (QuarantineRow q : rejected) {
                byReason.merge(q.reason().code(), 1L, Long::sum);
            }
            // conflicting duplicates are counted only once grouped
            boolean counted = candles.rows >= 0 && funding.rows >= 0;
            IngestFrames.Known known = new IngestFrames.Known(candles.rows, funding.rows, counted ? byReason : null,
                    spans(candles.verdicts), spans(funding.verdicts));
            return new IngestFrames(jobs.size() + metadataFiles,
                    candles.verdicts.rowsRead() + funding.verdicts.rowsRead(), candles.accepted, funding.accepted,
                    symbols, quarantine, rejected, cached, known);
        } catch (RuntimeException e) {
            cached.forEach(Dataset::unpersist);
            throw e;
        }
    }

    /** The part of one kind (candles or funding): its verdicts, accepted rows ({@code rows} of them, -1: unknown). */
    private record Part(FileVerdicts verdicts, Dataset<Row> accepted, Dataset<Row> quarantine, long rows) {
    }

    /**
     * Reads the files of one kind in three kinds of pass, none cached: the verdict pass reads every file (one job,
     * {@link FileVerdicts}); the accepted rows read the files kept that hold valid rows, the rejected rows only the
     * files that hold some. When the verdicts show that no key can repeat (the usual case), the valid rows are the
     * accepted rows as read; otherwise they are grouped by key ({@link KeyedFrame}, persisted).
     */
    private static Part part(SparkSession spark, List<FileJob> jobs, boolean funding, List<Dataset<Row>> cached) {
        FileJob.Format format = jobs.isEmpty() ? (funding ? FileJob.Format.ARCHIVE_FUNDING : FileJob.Format.ARCHIVE_KLINES)
                : jobs.get(0).format();
        for (FileJob j : jobs) {
            if (j.format() != format) {
                throw new IllegalArgumentException("one ingest reads one " + (funding ? "funding" : "candle")
                        + " format, got " + format + " and " + j.format() + " (" + j.path() + ")");
            }
        }
        String time = funding ? "funding_time" : "open_time";
        FileVerdicts verdicts = jobs.isEmpty() ? FileVerdicts.NONE
                : FileVerdicts.of(jobs, parsed(spark, jobs, format), time, !funding,
                        job -> parsed(spark, List.of(job), format));
        List<FileJob> withValid = new ArrayList<>();
        List<FileJob> withRejected = new ArrayList<>();
        for (FileVerdicts.FileStats f : verdicts.files()) {
            if (f.valid() > 0) {
                withValid.add(f.job());
            }
            if (f.rejectedRows() > 0) {
                withRejected.add(f.job());
            }
        }
        Dataset<Row> rejectedRows = RowParsing.where(parsed(spark, withRejected, format),
                        col("event").isNull().and(col("reason").isNotNull())).select(col("source"), col("line"),
                col("raw"), col("reason"), col("detail"), lit(0).as("q_phase"), lit(null).cast("string").as("q_market"),
                lit(null).cast("long").as("q_interval_ms"), lit(null).cast("string").as("q_symbol"),
                lit(null).cast("long").as("q_time"), col("file_id").as("q_file"));
        Dataset<Row> valid = RowParsing.where(parsed(spark, withValid, format),
                col("event").isNull().and(col("reason").isNull()));
        List<String> keys = funding ? FUNDING_KEYS : CANDLE_KEYS;
        List<KeyedFrame.Value> values = funding ? FUNDING_VALUES : CANDLE_VALUES;
        if (verdicts.keysUnique()) {
            List<Column> out = new ArrayList<>();
            keys.forEach(k -> out.add(col(k)));
            values.forEach(v -> out.add(col(v.column())));
            Dataset<Row> noConflicts = spark.createDataFrame(List.of(), QUARANTINE_SCHEMA);
            return new Part(verdicts, valid.select(out.toArray(new Column[0])), rejectedRows.unionByName(noConflicts),
                    verdicts.validRows());
        }
        // the aggregate reads the rows without their text; conflicting duplicates (rare) re-read theirs
        KeyedFrame keyed = KeyedFrame.of(valid.withColumn("raw", lit(null).cast("string")), valid, keys, time, values,
                funding ? 2 : 1);
        cached.add(keyed.keyed());
        return new Part(verdicts, keyed.accepted(), rejectedRows.unionByName(keyed.conflicts()), -1);
    }

    /** The parsed lines of {@code jobs} ({@link RowParsing}), read by the executors. */
    private static Dataset<Row> parsed(SparkSession spark, List<FileJob> jobs, FileJob.Format format) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(jobs.size(), jsc.defaultParallelism() * 4));
        JavaRDD<Row> rows = jsc.parallelize(jobs, slices).mapPartitions(FileLines::read);
        return RowParsing.parse(spark.createDataFrame(rows, FileLines.SCHEMA), format);
    }

    /** The spans of the files kept that hold valid rows. */
    private static List<IngestFrames.Span> spans(FileVerdicts verdicts) {
        List<IngestFrames.Span> out = new ArrayList<>();
        for (FileVerdicts.FileStats f : verdicts.files()) {
            if (f.valid() > 0) {
                out.add(new IngestFrames.Span(f.job().market(), f.job().interval(), f.job().symbol(), f.minTime(),
                        f.maxTime()));
            }
        }
        return out;
    }

    private static Dataset<Row> fileRows(SparkSession spark, FileVerdicts... verdicts) {
        List<Row> rows = new ArrayList<>();
        for (FileVerdicts v : verdicts) {
            for (int k = 0; k < v.rejected().size(); k++) {
                QuarantineRow q = v.rejected().get(k);
                rows.add(RowFactory.create(q.source(), q.line(), q.raw(), q.reason().code(), q.detail(), 0, null, null,
                        null, null, v.badFiles().get(k)));
            }
        }
        return spark.createDataFrame(rows, QUARANTINE_SCHEMA);
    }
}
