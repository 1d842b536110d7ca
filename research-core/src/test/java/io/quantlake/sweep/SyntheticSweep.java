package io.quantlake.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A hand-made sweep with no Spark: 4 lookbacks × 3 bands × 2 schedules = 24 sets of 400 seeded daily returns
 * whose drift grows with the lookback, two walk-forward folds (in [0, 200) out [200, 300); in [100, 300) out
 * [300, 400)), summarized by {@link SweepSummary#of} (Sharpe, 8 CSCV blocks), and the rows sweep_results would hold.
 */
public record SyntheticSweep(SweepOutcome outcome, List<SweepRow> rows) {
    static final long T0 = 1_704_067_200_000L;
    static final long DAY = 86_400_000L;
    static final int BARS = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[][] FOLDS = {{0, 200, 200, 300}, {100, 300, 300, 400}};

    public static SyntheticSweep of(String runId) {
        JsonNode base = JSON.createObjectNode().put("lookback", 20).put("band", 0.0);
        List<SetResult> results = new ArrayList<>();
        int index = 0;
        for (int lookback : new int[] {5, 10, 20, 40}) {
            for (double band : new double[] {0.0, 0.05, 0.1}) {
                for (int every : new int[] {5, 10}) {
                    Map<String, JsonNode> o = new LinkedHashMap<>();
                    o.put("lookback", JSON.getNodeFactory().numberNode(lookback));
                    o.put("band", JSON.getNodeFactory().numberNode(band));
                    o.put("schedule", JSON.createObjectNode().put("every", every));
                    ParameterSet set = ParameterSet.of(index, "inverse_vol", base, o);
                    results.add(result(set, new Random(index++), 0.0002 * lookback / 10 - 0.0004 * band * 10));
                }
            }
        }
        SweepSummary summary = SweepSummary.of(results, Objective.SHARPE, 8, 365);
        List<SweepRow> rows = new ArrayList<>();
        for (SetResult r : results) {
            rows.addAll(rows(r));
        }
        return new SyntheticSweep(new SweepOutcome(runId, results.size(), 4, results.size() - 4, summary), rows);
    }

    /** The sweep_results rows of one set: the full row and per fold its in-sample and out-of-sample rows. */
    static List<SweepRow> rows(SetResult r) {
        String h = r.set().hash();
        String p = r.set().json();
        List<SweepRow> out = new ArrayList<>();
        out.add(new SweepRow(h, p, -1, SweepResultsTable.FULL, T0, T0 + BARS * DAY, r.full()));
        for (int f = 0; f < FOLDS.length; f++) {
            int[] w = FOLDS[f];
            out.add(new SweepRow(h, p, f, SweepResultsTable.IN_SAMPLE, T0 + w[0] * DAY, T0 + w[1] * DAY,
                    r.inSample().get(f)));
            out.add(new SweepRow(h, p, f, SweepResultsTable.OUT_OF_SAMPLE, T0 + w[2] * DAY, T0 + w[3] * DAY,
                    r.outOfSample().get(f)));
        }
        return out;
    }

    private static SetResult result(ParameterSet set, Random rnd, double drift) {
        double[] r = new double[BARS - 1];
        for (int t = 0; t < r.length; t++) {
            r[t] = drift + 0.01 * rnd.nextGaussian();
        }
        List<WindowMetrics> in = new ArrayList<>();
        List<WindowMetrics> out = new ArrayList<>();
        for (int[] w : FOLDS) {
            in.add(window(r, w[0], w[1]));
            out.add(window(r, w[2], w[3]));
        }
        return new SetResult(set, WindowMetrics.ofReturns(r, r.length, 365), in, out, r);
    }

    /** Metrics of the returns of bars [from, to) (bar t's return is r[t − 1]; bar 0 has none). */
    private static WindowMetrics window(double[] r, int from, int to) {
        double[] part = Arrays.copyOfRange(r, Math.max(0, from - 1), to - 1);
        return WindowMetrics.ofReturns(part, part.length, 365);
    }
}
