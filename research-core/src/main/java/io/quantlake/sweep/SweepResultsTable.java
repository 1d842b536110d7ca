package io.quantlake.sweep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.delta.tables.DeltaTable;
import io.quantlake.lake.Lake;
import io.quantlake.lake.RunRecord;
import io.quantlake.lake.WriterLock;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta table {@code sweep_results} under the lake root: one row per (run_id, param_hash, fold,
 * split), written by MERGE on that key, so writing a set twice leaves one copy.
 *
 * <table>
 *   <caption>columns</caption>
 *   <tr><td>run_id, param_hash</td><td>string</td><td>the sweep run; the set's stable id ({@link ParameterSet})</td></tr>
 *   <tr><td>params</td><td>string</td><td>the complete strategy params, canonical JSON</td></tr>
 *   <tr><td>fold</td><td>int</td><td>0-based fold; −1 on the {@code full} row</td></tr>
 *   <tr><td>split</td><td>string</td><td>{@code in_sample}, {@code out_of_sample}, or {@code full} (all bars)</td></tr>
 *   <tr><td>start, end</td><td>timestamp</td><td>open time of the window's first bar; end of its last bar
 *       (exclusive). A purged k-fold training window of two segments spans the hole between them</td></tr>
 *   <tr><td>periods</td><td>int</td><td>returns in the window ({@link WindowMetrics#returns()})</td></tr>
 *   <tr><td>total_return … time_in_market</td><td>double</td><td>{@link WindowMetrics}; NULL when undefined</td></tr>
 *   <tr><td>period_returns</td><td>array&lt;double&gt;</td><td>full row only: the set's returns of bars 1..T−1
 *       (for the DSR and PBO of a resumed sweep); NULL on fold rows</td></tr>
 * </table>
 *
 * All rows of one set are written in the same commit, so a set is in the table completely or not
 * at all; that is what makes a rerun resumable.
 */
public final class SweepResultsTable {
    /** Table directory name under the lake root. */
    public static final String NAME = "sweep_results";
    public static final String FULL = "full";
    public static final String IN_SAMPLE = "in_sample";
    public static final String OUT_OF_SAMPLE = "out_of_sample";
    /** The metric columns, in schema order. */
    public static final List<String> METRICS = List.of("total_return", "cagr", "volatility", "sharpe", "sortino",
            "max_drawdown", "calmar", "turnover", "fees", "mean_leverage", "time_in_market");
    public static final StructType SCHEMA = schema();

    private final Lake lake;

    public SweepResultsTable(Lake lake) {
        this.lake = lake;
    }

    /** {@code <lake root>/sweep_results}. */
    public String path() {
        return (lake.root().endsWith("/") ? lake.root() : lake.root() + "/") + NAME;
    }

    public boolean exists() {
        return DeltaTable.isDeltaTable(lake.spark(), path());
    }

    /** Upserts the rows of {@code results} (one MERGE, one commit, holding the lake's writer lock). */
    public void merge(String runId, List<SetResult> results, List<Fold> folds, PanelData data) {
        RunRecord.requireValidRunId(runId);
        if (results.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>(results.size() * (1 + 2 * folds.size()));
        for (SetResult r : results) {
            rows.addAll(rows(runId, r, folds, data));
        }
        Dataset<Row> source = lake.spark().createDataFrame(rows, SCHEMA);
        try (WriterLock.Hold h = lake.writerLock().acquire()) {
            if (!exists()) { // the first write creates the table: one commit instead of create + MERGE
                source.write().format("delta").mode("errorifexists").save(path());
                return;
            }
            DeltaTable.forPath(lake.spark(), path()).as("t")
                    .merge(source.as("s"),
                            "t.run_id = s.run_id AND t.param_hash = s.param_hash AND t.fold = s.fold AND t.split = s.split")
                    .whenMatched().updateAll()
                    .whenNotMatched().insertAll()
                    .execute();
        }
    }

    /** The rows of one set's result in {@link #SCHEMA} order: full, then per fold in and out of sample. */
    static List<Row> rows(String runId, SetResult r, List<Fold> folds, PanelData data) {
        ParameterSet s = r.set();
        List<Row> rows = new ArrayList<>(1 + 2 * folds.size());
        rows.add(row(runId, s, -1, FULL, BarWindow.of(0, data.bars()), data, r.full(), r.returns()));
        for (Fold f : folds) {
            rows.add(row(runId, s, f.index(), IN_SAMPLE, f.inSample(), data, r.inSample().get(f.index()), null));
            rows.add(row(runId, s, f.index(), OUT_OF_SAMPLE, f.outOfSample(), data, r.outOfSample().get(f.index()), null));
        }
        return rows;
    }

    /**
     * The results of {@code runId} stored for sets of {@code plan} (by hash), in plan order; sets
     * with missing rows are left out. Fails when a stored fold window differs from {@code folds}
     * (the run was made with another validation scheme or data: use a new run id).
     */
    public List<SetResult> read(String runId, List<ParameterSet> plan, List<Fold> folds, PanelData data) {
        RunRecord.requireValidRunId(runId);
        if (!exists()) {
            return List.of();
        }
        List<Row> rows = lake.spark().read().format("delta").load(path()).filter(col("run_id").equalTo(runId))
                .selectExpr(columns()).collectAsList();
        Map<String, ParameterSet> byHash = new HashMap<>();
        for (ParameterSet p : plan) {
            byHash.put(p.hash(), p);
        }
        Map<String, Parts> parts = new HashMap<>();
        for (Row r : rows) {
            String hash = r.getString(0);
            int fold = r.getInt(1);
            String split = r.getString(2);
            checkWindow(runId, fold, split, r, folds, data);
            if (byHash.containsKey(hash)) {
                parts.computeIfAbsent(hash, h -> new Parts(folds.size())).add(fold, split, metrics(r), r);
            }
        }
        List<SetResult> out = new ArrayList<>();
        for (ParameterSet p : plan) {
            Parts got = parts.get(p.hash());
            if (got != null && got.complete()) {
                out.add(new SetResult(p, got.full, List.of(got.in), List.of(got.out), got.returns));
            }
        }
        return out;
    }

    /**
     * Every row of {@code runId} (all its sets, whatever the plan), ordered by param_hash, fold and split;
     * empty when the table or the run does not exist.
     */
    public List<SweepRow> rows(String runId) {
        RunRecord.requireValidRunId(runId);
        if (!exists()) {
            return List.of();
        }
        List<String> c = new ArrayList<>(List.of("param_hash", "fold", "split", "start", "end", "periods"));
        c.addAll(METRICS);
        c.add("params");
        List<Row> rows = lake.spark().read().format("delta").load(path()).filter(col("run_id").equalTo(runId))
                .selectExpr(c.stream().map(name -> "`" + name + "`").toArray(String[]::new))
                .orderBy("param_hash", "fold", "split").collectAsList();
        List<SweepRow> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new SweepRow(r.getString(0), r.getString(r.fieldIndex("params")), r.getInt(1), r.getString(2),
                    r.getTimestamp(3).getTime(), r.getTimestamp(4).getTime(), metrics(r)));
        }
        return out;
    }

    private static void checkWindow(String runId, int fold, String split, Row r, List<Fold> folds, PanelData data) {
        BarWindow w = fold < 0 ? BarWindow.of(0, data.bars())
                : fold < folds.size() ? (IN_SAMPLE.equals(split) ? folds.get(fold).inSample() : folds.get(fold).outOfSample())
                : null;
        if (w == null || r.getTimestamp(3).getTime() != data.barStart(w.first())
                || r.getTimestamp(4).getTime() != data.barStart(w.endExclusive())) {
            throw new IllegalStateException("sweep run " + runId + " holds fold " + fold + " " + split + " over ["
                    + r.getTimestamp(3).toInstant() + ", " + r.getTimestamp(4).toInstant() + "), which this sweep's "
                    + folds.size() + " folds over " + data.bars() + " bars do not have: it was made with another"
                    + " validation scheme or other data; use a new run id");
        }
    }

    private static final class Parts {
        WindowMetrics full;
        double[] returns;
        final WindowMetrics[] in;
        final WindowMetrics[] out;

        Parts(int folds) {
            in = new WindowMetrics[folds];
            out = new WindowMetrics[folds];
        }

        void add(int fold, String split, WindowMetrics m, Row r) {
            switch (split) {
                case FULL -> {
                    full = m;
                    List<Double> list = r.getList(r.fieldIndex("period_returns"));
                    returns = new double[list.size()];
                    for (int k = 0; k < returns.length; k++) {
                        returns[k] = list.get(k);
                    }
                }
                case IN_SAMPLE -> in[fold] = m;
                case OUT_OF_SAMPLE -> out[fold] = m;
                default -> throw new IllegalStateException("sweep_results holds an unknown split '" + split + "'");
            }
        }

        boolean complete() {
            if (full == null) {
                return false;
            }
            for (int k = 0; k < in.length; k++) {
                if (in[k] == null || out[k] == null) {
                    return false;
                }
            }
            return true;
        }
    }

    private static String[] columns() {
        List<String> c = new ArrayList<>(List.of("param_hash", "fold", "split", "start", "end", "periods"));
        c.addAll(METRICS);
        c.add("period_returns");
        return c.stream().map(name -> "`" + name + "`").toArray(String[]::new); // `end` is an SQL keyword
    }

    private static WindowMetrics metrics(Row r) {
        double[] v = new double[METRICS.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.isNullAt(6 + k) ? Double.NaN : r.getDouble(6 + k);
        }
        return new WindowMetrics(r.getInt(5), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    private static Row row(String runId, ParameterSet s, int fold, String split, BarWindow w, PanelData data,
                           WindowMetrics m, double[] returns) {
        double[] v = {m.totalReturn(), m.cagr(), m.volatility(), m.sharpe(), m.sortino(), m.maxDrawdown(), m.calmar(),
            m.turnover(), m.fees(), m.meanLeverage(), m.timeInMarket()};
        Object[] values = new Object[9 + v.length];
        values[0] = runId;
        values[1] = s.hash();
        values[2] = s.json();
        values[3] = fold;
        values[4] = split;
        values[5] = new Timestamp(data.barStart(w.first()));
        values[6] = new Timestamp(data.barStart(w.endExclusive()));
        values[7] = m.returns();
        for (int k = 0; k < v.length; k++) {
            values[8 + k] = Double.isFinite(v[k]) ? v[k] : null;
        }
        values[8 + v.length] = returns;
        return RowFactory.create(values);
    }

    private static StructType schema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("run_id", StringType, false));
        f.add(DataTypes.createStructField("param_hash", StringType, false));
        f.add(DataTypes.createStructField("params", StringType, false));
        f.add(DataTypes.createStructField("fold", IntegerType, false));
        f.add(DataTypes.createStructField("split", StringType, false));
        f.add(DataTypes.createStructField("start", TimestampType, false));
        f.add(DataTypes.createStructField("end", TimestampType, false));
        f.add(DataTypes.createStructField("periods", IntegerType, false));
        for (String m : METRICS) {
            f.add(DataTypes.createStructField(m, DoubleType, true));
        }
        f.add(DataTypes.createStructField("period_returns", DataTypes.createArrayType(DoubleType, false), true));
        return DataTypes.createStructType(f);
    }
}
