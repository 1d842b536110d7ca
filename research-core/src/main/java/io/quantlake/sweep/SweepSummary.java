package io.quantlake.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a finished sweep found, written as {@code runs.metrics} of the sweep run ({@link #json()}).
 *
 * <ul>
 *   <li>The best set: the highest objective over the whole panel (ties: the first in sweep order),
 *       with the mean of its objective over the folds in and out of sample.</li>
 *   <li>Per fold, the set a walk-forward optimiser would pick — the best in sample — and its
 *       out-of-sample objective (the honest estimate of the optimised strategy).</li>
 *   <li>The {@link DeflatedSharpe} of the best set: N = all sets of the sweep, V = the variance of
 *       their whole-panel per-period Sharpe ratios, skewness, kurtosis and T from the best set's
 *       returns.</li>
 *   <li>The {@link BacktestOverfitting} PBO over all sets' whole-panel returns; absent (with the
 *       reason in {@code pboNote}) for fewer than 2 sets or fewer than 2·S returns.</li>
 * </ul>
 *
 * @param selections per fold: the in-sample best set and its objectives
 */
public record SweepSummary(int sets, int folds, Objective objective, SetResult best, double bestInSampleMean,
                           double bestOutOfSampleMean, List<FoldSelection> selections, DeflatedSharpe deflatedSharpe,
                           Optional<BacktestOverfitting> pbo, String pboNote) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The set with the best in-sample objective of one fold. */
    public record FoldSelection(int fold, String paramHash, double inSample, double outOfSample) {
    }

    public SweepSummary {
        selections = List.copyOf(selections);
    }

    /** Summarizes {@code results} (every set of the sweep, in sweep order). */
    public static SweepSummary of(List<SetResult> results, Objective objective, int cscvBlocks, double ppy) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a sweep summary needs at least one evaluated set");
        }
        int folds = results.get(0).inSample().size();
        SetResult best = results.get(0);
        for (SetResult r : results) {
            if (objective.score(r.full()) > objective.score(best.full())) {
                best = r;
            }
        }
        List<FoldSelection> selections = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            SetResult pick = results.get(0);
            for (SetResult r : results) {
                if (objective.score(r.inSample().get(f)) > objective.score(pick.inSample().get(f))) {
                    pick = r;
                }
            }
            selections.add(new FoldSelection(f, pick.set().hash(), objective.value(pick.inSample().get(f)),
                    objective.value(pick.outOfSample().get(f))));
        }
        double[] trialSharpes = new double[results.size()];
        double[][] matrix = new double[results.size()][];
        for (int m = 0; m < results.size(); m++) {
            matrix[m] = results.get(m).returns();
            trialSharpes[m] = WindowMetrics.ofReturns(matrix[m], matrix[m].length, 1).sharpe();
        }
        DeflatedSharpe dsr = DeflatedSharpe.ofReturns(best.returns(), trialSharpes);
        Optional<BacktestOverfitting> pbo = Optional.empty();
        String note = "";
        int t = best.returns().length;
        if (results.size() < 2) {
            note = "PBO needs at least 2 parameter sets";
        } else if (t < 2 * cscvBlocks) {
            note = "PBO with " + cscvBlocks + " blocks needs at least " + 2 * cscvBlocks + " returns, the panel has " + t;
        } else {
            pbo = Optional.of(BacktestOverfitting.cscv(matrix, cscvBlocks, objective, ppy));
        }
        return new SweepSummary(results.size(), folds, objective, best, mean(best.inSample(), objective),
                mean(best.outOfSample(), objective), selections, dsr, pbo, note);
    }

    /** The summary as the JSON object of {@code runs.metrics} (non-finite numbers as null). */
    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("sets", sets);
        root.put("folds", folds);
        root.put("objective", objective.code());
        ObjectNode b = root.putObject("best");
        b.put("param_hash", best.set().hash());
        b.set("params", JSON.valueToTree(best.set().params()));
        put(b, "objective", objective.value(best.full()));
        put(b, "sharpe", best.full().sharpe());
        put(b, "total_return", best.full().totalReturn());
        put(b, "max_drawdown", best.full().maxDrawdown());
        put(b, "in_sample_mean", bestInSampleMean);
        put(b, "out_of_sample_mean", bestOutOfSampleMean);
        ObjectNode d = root.putObject("deflated_sharpe");
        put(d, "dsr", deflatedSharpe.dsr());
        put(d, "sharpe_per_period", deflatedSharpe.sharpe());
        put(d, "expected_max_sharpe_per_period", deflatedSharpe.expectedMaxSharpe());
        d.put("trials", deflatedSharpe.trials());
        put(d, "trial_sharpe_variance", deflatedSharpe.trialVariance());
        put(d, "skewness", deflatedSharpe.skewness());
        put(d, "kurtosis", deflatedSharpe.kurtosis());
        d.put("returns", deflatedSharpe.returns());
        ObjectNode p = root.putObject("pbo");
        if (pbo.isPresent()) {
            BacktestOverfitting o = pbo.get();
            put(p, "pbo", o.pbo());
            p.put("blocks", o.blocks());
            p.put("block_size", o.blockSize());
            p.put("combinations", o.combinations());
            put(p, "mean_logit", o.meanLogit());
        } else {
            p.putNull("pbo");
            p.put("note", pboNote);
        }
        var sel = root.putArray("fold_selection");
        for (FoldSelection s : selections) {
            ObjectNode o = sel.addObject();
            o.put("fold", s.fold());
            o.put("param_hash", s.paramHash());
            put(o, "in_sample", s.inSample());
            put(o, "out_of_sample", s.outOfSample());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the sweep summary as JSON", e);
        }
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static double mean(List<WindowMetrics> windows, Objective objective) {
        double s = 0;
        for (WindowMetrics w : windows) {
            s += objective.value(w);
        }
        return windows.isEmpty() ? Double.NaN : s / windows.size();
    }
}
