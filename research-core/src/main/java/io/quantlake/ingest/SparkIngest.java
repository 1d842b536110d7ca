package io.quantlake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads input files as Spark DataFrames, so that the driver never holds rows: the list of files is parallelized
 * and each executor reads (unzips, verifies the {@code .CHECKSUM} of) its files ({@link FileLines}); the lines are
 * parsed and checked as Column expressions ({@link RowParsing}); per-file aggregates decide the files quarantined
 * whole or an abort ({@link FileVerdicts}); valid rows are grouped by key ({@link KeyedFrame}). The parsed rows
 * and the keyed rows are persisted (memory, then disk) until {@link IngestFrames#release()}.
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
            return new IngestFrames(jobs.size() + metadataFiles,
                    candles.verdicts.rowsRead() + funding.verdicts.rowsRead(), candles.accepted, funding.accepted,
                    symbols, quarantine, rejected, cached);
        } catch (RuntimeException e) {
            cached.forEach(Dataset::unpersist);
            throw e;
        }
    }

    private record Part(FileVerdicts verdicts, Dataset<Row> accepted, Dataset<Row> quarantine) {
    }

    private static Part part(SparkSession spark, List<FileJob> jobs, boolean funding, List<Dataset<Row>> cached) {
        FileJob.Format format = jobs.isEmpty() ? (funding ? FileJob.Format.ARCHIVE_FUNDING : FileJob.Format.ARCHIVE_KLINES)
                : jobs.get(0).format();
        for (FileJob j : jobs) {
            if (j.format() != format) {
                throw new IllegalArgumentException("one ingest reads one " + (funding ? "funding" : "candle")
                        + " format, got " + format + " and " + j.format() + " (" + j.path() + ")");
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(jobs.size(), jsc.defaultParallelism() * 4));
        JavaRDD<Row> rows = jsc.parallelize(jobs, slices).mapPartitions(FileLines::read);
        Dataset<Row> lineage = RowParsing.parse(spark.createDataFrame(rows, FileLines.SCHEMA), format);
        // the cache keeps the text of rejected rows only; conflicting duplicates (rare) re-read theirs
        Dataset<Row> parsed = lineage.withColumn("raw", when(col("reason").isNotNull(), col("raw")))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(parsed);
        FileVerdicts verdicts = jobs.isEmpty() ? new FileVerdicts(0, List.of(), List.of())
                : FileVerdicts.of(jobs, parsed, lineage, !funding);
        Column good = col("event").isNull().and(not(col("file_id").isin(verdicts.badFiles().toArray())));
        Dataset<Row> rowsOfGoodFiles = parsed.filter(good);
        Dataset<Row> rejectedRows = rowsOfGoodFiles.filter(col("reason").isNotNull()).select(col("source"), col("line"),
                col("raw"), col("reason"), col("detail"), lit(0).as("q_phase"), lit(null).cast("string").as("q_market"),
                lit(null).cast("long").as("q_interval_ms"), lit(null).cast("string").as("q_symbol"),
                lit(null).cast("long").as("q_time"), col("file_id").as("q_file"));
        KeyedFrame keyed = KeyedFrame.of(rowsOfGoodFiles.filter(col("reason").isNull()),
                lineage.filter(good.and(col("reason").isNull())),
                funding ? FUNDING_KEYS : CANDLE_KEYS, funding ? "funding_time" : "open_time",
                funding ? FUNDING_VALUES : CANDLE_VALUES, funding ? 2 : 1);
        cached.add(keyed.keyed());
        return new Part(verdicts, keyed.accepted(), rejectedRows.unionByName(keyed.conflicts()));
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
