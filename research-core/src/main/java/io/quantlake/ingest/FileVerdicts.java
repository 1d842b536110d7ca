package io.quantlake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.quantlake.market.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * What becomes of each input file, from one aggregation of its parsed rows ({@link RowParsing}): one Spark job
 * whose only shuffle carries a few narrow columns per row (file, entry, time, reason, epoch-unit positions, the gap
 * to the previous distinct time of the file); a few values per file, entry, reason and gap reach the driver. In
 * order of precedence:
 * <ul>
 *   <li>an abort ({@link IngestException}, nothing is written): an abort event of {@link FileLines}, or a source
 *       whose epoch fields mix ms and µs (the message names the first value of the other unit and the line of the
 *       first value); the first file in input order decides;</li>
 *   <li>a file quarantined whole (one row: the file, line 0, empty raw text): a file event of {@link FileLines},
 *       a file without data rows ({@link QuarantineReason#EMPTY_FILE}), candles spaced unlike the interval
 *       ({@link BarSpacing}, over the distinct open times of every parsed row of the file, valid or not).</li>
 * </ul>
 * The same aggregates tell, per file left, its rows rejected by reason and its valid rows, the range of its parsed
 * times, and whether two of its parsed rows share a time: what the write needs to know without reading rows.
 *
 * @param rowsRead data rows read over all files, those of files quarantined whole included
 * @param rejected one quarantine row per file quarantined whole, in input order
 * @param badFiles the ids of those files
 * @param files    per file not quarantined whole, in input order: what its rows hold
 */
record FileVerdicts(long rowsRead, List<QuarantineRow> rejected, List<Integer> badFiles, List<FileStats> files) {
    /**
     * The rows of one file kept for the write.
     *
     * @param job        the file
     * @param valid      rows that pass every check
     * @param byReason   rows rejected, by reason code
     * @param minTime    the smallest parsed time (epoch ms) of the file, valid or not; Long.MAX_VALUE for none
     * @param maxTime    the largest, Long.MIN_VALUE for none
     * @param repeatTime whether two parsed rows of the file have the same time
     */
    record FileStats(FileJob job, long valid, Map<String, Long> byReason, long minTime, long maxTime,
                     boolean repeatTime) {
        FileStats {
            byReason = Map.copyOf(byReason);
        }

        /** Rows rejected for any reason. */
        long rejectedRows() {
            return byReason.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    FileVerdicts {
        rejected = List.copyOf(rejected);
        badFiles = List.copyOf(badFiles);
        files = List.copyOf(files);
    }

    /** No file. */
    static final FileVerdicts NONE = new FileVerdicts(0, List.of(), List.of(), List.of());

    /**
     * The verdicts on {@code jobs} (ids unique, in input order) from their parsed rows ({@code timeColumn}: the
     * epoch-ms time of a row); {@code reread} gives the parsed rows of one file again (with their text), read for
     * the line an abort names.
     */
    static FileVerdicts of(List<FileJob> jobs, Dataset<Row> parsed, String timeColumn, boolean candles,
                           Function<FileJob, Dataset<Row>> reread) {
        Map<Integer, FileJob> byId = new HashMap<>();
        jobs.forEach(j -> byId.put(j.id(), j));
        List<Row> groups = aggregates(parsed, timeColumn).collectAsList();
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, String[]> events = new HashMap<>();
        Map<List<Integer>, long[]> units = new HashMap<>(); // (file, entry) -> first ms, first µs position
        Map<Integer, Map<String, Long>> reasons = new HashMap<>();
        Map<Integer, Map<Long, Long>> gaps = new HashMap<>();
        Map<Integer, long[]> ranges = new HashMap<>(); // min, max, repeats
        for (Row r : groups) {
            int id = r.getInt(0);
            long n = r.getLong(6);
            rows.merge(id, n, Long::sum);
            if (!r.isNullAt(2)) {
                reasons.computeIfAbsent(id, k -> new TreeMap<>()).merge(r.getString(2), n, Long::sum);
            }
            if (!r.isNullAt(3)) {
                long gap = r.getLong(3);
                if (gap > 0) {
                    gaps.computeIfAbsent(id, k -> new HashMap<>()).merge(gap, n, Long::sum);
                }
            }
            long[] range = ranges.computeIfAbsent(id, k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
            if (!r.isNullAt(9)) {
                range[0] = Math.min(range[0], r.getLong(9));
                range[1] = Math.max(range[1], r.getLong(10));
            }
            if (!r.isNullAt(3) && r.getLong(3) == 0) {
                range[2] = 1;
            }
            long[] u = units.computeIfAbsent(List.of(id, r.getInt(1)), k -> new long[] {Long.MAX_VALUE, Long.MAX_VALUE});
            if (!r.isNullAt(7)) {
                u[0] = Math.min(u[0], r.getLong(7));
            }
            if (!r.isNullAt(8)) {
                u[1] = Math.min(u[1], r.getLong(8));
            }
            if (!r.isNullAt(4)) {
                events.put(id, new String[] {r.getString(4), r.getString(5)});
            }
        }
        String abort = null;
        int abortFile = Integer.MAX_VALUE;
        for (Map.Entry<Integer, String[]> e : events.entrySet()) {
            if (e.getValue()[0].equals(FileLines.ABORT) && e.getKey() < abortFile) {
                abortFile = e.getKey();
                abort = e.getValue()[1];
            }
        }
        List<Integer> mixed = null;
        for (Map.Entry<List<Integer>, long[]> e : units.entrySet()) {
            long[] u = e.getValue();
            List<Integer> k = e.getKey();
            if (u[0] != Long.MAX_VALUE && u[1] != Long.MAX_VALUE && k.get(0) < abortFile
                    && (mixed == null || k.get(0) < mixed.get(0) || (k.get(0).equals(mixed.get(0)) && k.get(1) < mixed.get(1)))) {
                mixed = k;
            }
        }
        if (mixed != null && mixed.get(0) < abortFile) {
            long[] u = units.get(mixed);
            abort = mixedUnits(reread.apply(byId.get(mixed.get(0))), byId.get(mixed.get(0)), mixed.get(1), u[0], u[1]);
        }
        if (abort != null) {
            throw new IngestException(abort);
        }
        long read = 0;
        List<QuarantineRow> rejected = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
        List<FileStats> kept = new ArrayList<>();
        for (FileJob job : jobs) {
            long n = rows.getOrDefault(job.id(), 0L);
            read += n;
            Optional<Violation> v;
            String[] event = events.get(job.id());
            if (event != null) {
                v = Optional.of(new Violation(IngestFrames.reason(event[0]), event[1]));
            } else if (n == 0) {
                v = Optional.of(new Violation(QuarantineReason.EMPTY_FILE, "holds no data row"));
            } else if (candles) {
                v = BarSpacing.check(gaps.getOrDefault(job.id(), Map.of()), Interval.parse(job.interval()));
            } else {
                v = Optional.empty();
            }
            if (v.isPresent()) {
                rejected.add(v.get().toRow(job.path(), 0, ""));
                bad.add(job.id());
            } else {
                Map<String, Long> why = reasons.getOrDefault(job.id(), Map.of());
                long[] range = ranges.get(job.id());
                long valid = n - why.values().stream().mapToLong(Long::longValue).sum();
                kept.add(new FileStats(job, valid, why, range[0], range[1], range[2] != 0));
            }
        }
        return new FileVerdicts(read, rejected, bad, kept);
    }

    /**
     * The per-file aggregates of {@code parsed}: one row per file, entry, reason, gap to the previous distinct time
     * of the file, event and event detail ({@code file_id, entry, reason, gap_, event, event_detail}), with
     * {@code rows} (data rows), the first ms and µs positions, the smallest and largest time ({@code timeColumn}, of
     * parsed rows). The event and its detail are grouping keys (NULL for a data row; a file has one event row or
     * none), not aggregates: a text aggregate such as max cannot live in a hash aggregation's buffer and made Spark
     * sort every row once more ({@code FileVerdictsPlanTest}).
     */
    static Dataset<Row> aggregates(Dataset<Row> parsed, String timeColumn) {
        Column time = when(col("parsed"), col(timeColumn));
        Dataset<Row> withGap = parsed.select(col("file_id"), col("entry"), col("event"), col("event_detail"),
                        col("ms_at"), col("us_at"), col("reason"), time.as("t_"))
                .withColumn("gap_", col("t_").minus(lag("t_", 1).over(Window.partitionBy("file_id").orderBy("t_"))));
        return withGap.groupBy("file_id", "entry", "reason", "gap_", "event", "event_detail")
                .agg(count(when(col("event").isNull(), 1)).as("rows"), min("ms_at"), min("us_at"), min("t_"),
                        max("t_"));
    }

    /** Valid rows over the files kept. */
    long validRows() {
        return files.stream().mapToLong(FileStats::valid).sum();
    }

    /**
     * Whether no two valid rows of the files kept can share a key: no file repeats a time among its parsed rows,
     * and files of the same series (market, interval, symbol) have disjoint time ranges. Then the valid rows need
     * no grouping by key.
     */
    boolean keysUnique() {
        Map<String, List<long[]>> bySeries = new HashMap<>();
        for (FileStats f : files) {
            if (f.repeatTime()) {
                return false;
            }
            if (f.valid() > 0) {
                FileJob j = f.job();
                bySeries.computeIfAbsent(j.market() + "|" + j.interval() + "|" + j.symbol(), k -> new ArrayList<>())
                        .add(new long[] {f.minTime(), f.maxTime()});
            }
        }
        for (List<long[]> spans : bySeries.values()) {
            spans.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int k = 1; k < spans.size(); k++) {
                if (spans.get(k)[0] <= spans.get(k - 1)[1]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The abort message of entry {@code entry} of {@code job} ({@code parsed}: its rows), whose first epoch ms value
     * is at position {@code msAt} and first µs value at {@code usAt} (line × 2, + 1 for the second epoch field of a
     * line): names the first value of the unit that came second. Reads that one line of the source.
     */
    private static String mixedUnits(Dataset<Row> parsed, FileJob job, int entry, long msAt, long usAt) {
        long first = Math.min(msAt, usAt);
        long second = Math.max(msAt, usAt);
        EpochUnit firstUnit = msAt < usAt ? EpochUnit.MILLIS : EpochUnit.MICROS;
        EpochUnit secondUnit = firstUnit == EpochUnit.MILLIS ? EpochUnit.MICROS : EpochUnit.MILLIS;
        long line = second / 2;
        int field = second % 2 == 0 ? 0 : 6;
        Row row = RowParsing.where(parsed, col("entry").equalTo(entry).and(col("line").equalTo(line)).and(col("event").isNull()))
                .select("source", "raw").first();
        String name = field == 6 ? "close_time" : switch (job.format()) {
            case ARCHIVE_KLINES, CSV_CANDLES -> "open_time";
            case ARCHIVE_FUNDING -> "calc_time";
            case CSV_FUNDING -> "funding_time";
        };
        return row.getString(0) + " line " + line + ": " + name + " " + row.getString(1).split(",", -1)[field]
                + " is epoch " + secondUnit + " but line " + first / 2 + " is epoch " + firstUnit
                + "; a file must use one time unit, ingest aborted";
    }

}
