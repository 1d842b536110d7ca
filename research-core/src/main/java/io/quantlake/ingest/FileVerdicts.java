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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * What becomes of each input file, from aggregates of its parsed rows ({@link RowParsing}); only the aggregates
 * (a few values per file) reach the driver. In order of precedence:
 * <ul>
 *   <li>an abort ({@link IngestException}, nothing is written): an abort event of {@link FileLines}, or a source
 *       whose epoch fields mix ms and µs (the message names the first value of the other unit and the line of the
 *       first value); the first file in input order decides;</li>
 *   <li>a file quarantined whole (one row: the file, line 0, empty raw text): a file event of {@link FileLines},
 *       a file without data rows ({@link QuarantineReason#EMPTY_FILE}), candles spaced unlike the interval
 *       ({@link BarSpacing}, over the distinct open times of every parsed row of the file, valid or not).</li>
 * </ul>
 *
 * @param rowsRead  data rows read over all files, those of files quarantined whole included
 * @param rejected  one quarantine row per file quarantined whole, in input order
 * @param badFiles  the ids of those files
 */
record FileVerdicts(long rowsRead, List<QuarantineRow> rejected, List<Integer> badFiles) {
    FileVerdicts {
        rejected = List.copyOf(rejected);
        badFiles = List.copyOf(badFiles);
    }

    /**
     * The verdicts on {@code jobs} (ids unique, in input order) from their parsed rows; {@code parsedWithText}, the
     * same rows with every {@code raw} text, is read for the line an abort names.
     */
    static FileVerdicts of(List<FileJob> jobs, Dataset<Row> parsed, Dataset<Row> parsedWithText, boolean candles) {
        Map<Integer, FileJob> byId = new HashMap<>();
        jobs.forEach(j -> byId.put(j.id(), j));
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, String[]> events = new HashMap<>();
        String abort = null;
        int abortFile = Integer.MAX_VALUE;
        List<Row> sources = parsed.groupBy("file_id", "source")
                .agg(count(when(col("event").isNull(), 1)).as("rows"), min("ms_at").as("ms_at"), min("us_at").as("us_at"),
                        max("event").as("event"), max("event_detail").as("event_detail"))
                .collectAsList();
        for (Row r : sources) {
            int id = r.getInt(0);
            rows.merge(id, r.getLong(2), Long::sum);
            if (!r.isNullAt(5)) {
                events.put(id, new String[] {r.getString(5), r.getString(6)});
                if (r.getString(5).equals(FileLines.ABORT) && id < abortFile) {
                    abortFile = id;
                    abort = r.getString(6);
                }
            }
            if (!r.isNullAt(3) && !r.isNullAt(4) && id < abortFile) {
                abortFile = id;
                abort = mixedUnits(parsedWithText, byId.get(id), r.getString(1), r.getLong(3), r.getLong(4));
            }
        }
        if (abort != null) {
            throw new IngestException(abort);
        }
        Map<Integer, Map<Long, Long>> gaps = candles ? gaps(parsed) : Map.of();
        long read = 0;
        List<QuarantineRow> rejected = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
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
            }
        }
        return new FileVerdicts(read, rejected, bad);
    }

    /** Per file, the gaps between its distinct parsed open times (ms) and how often each occurs. */
    private static Map<Integer, Map<Long, Long>> gaps(Dataset<Row> parsed) {
        List<Row> counts = parsed.filter(col("parsed"))
                .select(col("file_id"), col("open_time"),
                        col("open_time").minus(lag("open_time", 1).over(Window.partitionBy("file_id").orderBy("open_time")))
                                .as("gap"))
                .filter(col("gap").gt(0))
                .groupBy("file_id", "gap").count()
                .collectAsList();
        Map<Integer, Map<Long, Long>> out = new HashMap<>();
        for (Row r : counts) {
            out.computeIfAbsent(r.getInt(0), k -> new HashMap<>()).put(r.getLong(1), r.getLong(2));
        }
        return out;
    }

    /**
     * The abort message of {@code source}, whose first epoch ms value is at position {@code msAt} and first µs value
     * at {@code usAt} (line × 2, + 1 for the second epoch field of a line): names the first value of the unit that
     * came second. Reads that one line of the source.
     */
    private static String mixedUnits(Dataset<Row> parsed, FileJob job, String source, long msAt, long usAt) {
        long first = Math.min(msAt, usAt);
        long second = Math.max(msAt, usAt);
        EpochUnit firstUnit = msAt < usAt ? EpochUnit.MILLIS : EpochUnit.MICROS;
        EpochUnit secondUnit = firstUnit == EpochUnit.MILLIS ? EpochUnit.MICROS : EpochUnit.MILLIS;
        long line = second / 2;
        int field = second % 2 == 0 ? 0 : 6;
        String raw = parsed.filter(col("source").equalTo(source).and(col("line").equalTo(line)))
                .select("raw").first().getString(0);
        String name = field == 6 ? "close_time" : switch (job.format()) {
            case ARCHIVE_KLINES, CSV_CANDLES -> "open_time";
            case ARCHIVE_FUNDING -> "calc_time";
            case CSV_FUNDING -> "funding_time";
        };
        return source + " line " + line + ": " + name + " " + raw.split(",", -1)[field] + " is epoch " + secondUnit
                + " but line " + first / 2 + " is epoch " + firstUnit + "; a file must use one time unit, ingest aborted";
    }
}
