package io.quantlake.sweep;

import static org.apache.spark.sql.functions.col;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import io.quantlake.lake.Lake;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Rebuilds one parameter set of a stored sweep run (issue 14, item 5): binds the sweep and base YAML stored in
 * {@code runs.config} ({@link SweepConfig#runConfigText()}), reads the base config's inputs with {@link LakeInputs}
 * at the versions the sweep recorded, evaluates the set with {@link SetEvaluator} (what each executor task does) and
 * returns its {@code sweep_results} rows next to the stored ones, both as values of {@link #COLUMNS}.
 */
public final class SweepSetReplay {
    /** Compared columns: a row label ({@code full} or {@code fold F in_sample|out_of_sample}), then the table's. */
    public static final List<String> COLUMNS = columns();
    private static final String BASE_MARK = "\n---\n# base (";

    private final List<List<Object>> stored;
    private final List<List<Object>> replayed;
    private final String paramHash;

    private SweepSetReplay(String paramHash, List<List<Object>> stored, List<List<Object>> replayed) {
        this.paramHash = paramHash;
        this.stored = stored;
        this.replayed = replayed;
    }

    /**
     * Replays set {@code paramHash} of sweep {@code runId} on {@code pinned} (the lake pinned at the run's versions);
     * stored rows are read from {@code lake}'s {@code sweep_results}.
     */
    public static SweepSetReplay of(Lake lake, Lake pinned, String runId, String configText, String paramHash) {
        SweepConfig config = bind(runId, configText);
        ParameterSet set = config.parameterSets().stream().filter(p -> p.hash().equals(paramHash)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cannot replay run " + runId + ": its sweep has no"
                        + " parameter set " + paramHash));
        PanelData data = LakeInputs.read(pinned, config.base(), config.requiredFactors());
        List<Fold> folds = config.validation().folds(data.bars());
        SetResult result = data.evaluator(config.base(), folds).evaluate(set);
        List<List<Object>> replayed = new ArrayList<>();
        for (Row r : SweepResultsTable.rows(runId, result, folds, data)) {
            replayed.add(values(r));
        }
        SweepResultsTable table = new SweepResultsTable(lake);
        List<List<Object>> stored = new ArrayList<>();
        if (table.exists()) {
            for (Row r : lake.spark().read().format("delta").load(table.path())
                    .filter(col("run_id").equalTo(runId).and(col("param_hash").equalTo(paramHash)))
                    .select(Arrays.stream(SweepResultsTable.SCHEMA.fieldNames()).map(c -> col(c)).toArray(Column[]::new))
                    .orderBy("fold", "split").collectAsList()) {
                stored.add(values(r));
            }
        }
        return new SweepSetReplay(paramHash, stored, replayed);
    }

    /** The sweep config of {@code runs.config}: the sweep document, then after {@code ---} the base document. */
    static SweepConfig bind(String runId, String configText) {
        int mark = configText.indexOf(BASE_MARK);
        if (mark < 0) {
            throw new IllegalArgumentException("cannot replay run " + runId + ": its runs.config is not a sweep"
                    + " document followed by its base config ('---' then '# base (')");
        }
        String origin = "runs.config of run " + runId;
        BacktestConfig base = BacktestConfig.bind(ConfigLoader.parse(configText.substring(mark + 5),
                origin + " (base)"));
        return SweepConfig.bind(ConfigLoader.parse(configText.substring(0, mark + 1), origin), base);
    }

    public String paramHash() {
        return paramHash;
    }

    /** The stored rows of the set, ordered by fold and split (full first). */
    public List<List<Object>> stored() {
        return stored;
    }

    /** The replayed rows of the set, in the same order. */
    public List<List<Object>> replayed() {
        return replayed;
    }

    /** A {@code sweep_results} row (in {@link SweepResultsTable#SCHEMA} order) as values of {@link #COLUMNS}. */
    private static List<Object> values(Row r) {
        String[] names = SweepResultsTable.SCHEMA.fieldNames();
        List<Object> out = new ArrayList<>(names.length);
        int fold = r.getInt(3);
        out.add(fold < 0 ? "full" : "fold " + fold + " " + r.getString(4));
        for (int i = 2; i < names.length; i++) {
            Object v = r.get(i);
            if (v instanceof Timestamp ts) {
                v = ts.toInstant();
            } else if (v instanceof double[] a) {
                v = Arrays.stream(a).boxed().toList();
            } else if (v instanceof scala.collection.Seq<?>) {
                v = List.copyOf(r.<Double>getList(i));
            }
            out.add(v);
        }
        return out;
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>();
        c.add("window");
        String[] names = SweepResultsTable.SCHEMA.fieldNames();
        c.addAll(Arrays.asList(names).subList(2, names.length));
        return List.copyOf(c);
    }

}
