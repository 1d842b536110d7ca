package io.quantlake.sweep;

import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a sweep splits the panel's bars into in-sample and out-of-sample windows (sweep YAML
 * {@code validation}). Every parameter set is simulated once over the whole panel; the folds only
 * choose which bars' returns each metric row uses (see {@link Sweep}).
 */
public sealed interface ValidationScheme {
    /** The folds over a panel of {@code bars} bars; fails when not one fold fits. */
    List<Fold> folds(int bars);

    /**
     * {@code walk_forward: {train_bars, test_bars, step_bars, anchored}}: fold {@code k} trains on
     * {@code [k·step, k·step + train)} ({@code [0, k·step + train)} when anchored) and tests on the
     * next {@code test} bars {@code [k·step + train, k·step + train + test)}; folds continue while the
     * test window ends within the panel. {@code step_bars} defaults to {@code test_bars},
     * {@code anchored} to false.
     */
    record WalkForward(int trainBars, int testBars, int stepBars, boolean anchored) implements ValidationScheme {
        public WalkForward {
            if (trainBars < 1 || testBars < 1 || stepBars < 1) {
                throw new IllegalArgumentException("walk_forward bars must be >= 1, got train " + trainBars + ", test "
                        + testBars + ", step " + stepBars);
            }
        }

        @Override
        public List<Fold> folds(int bars) {
            List<Fold> out = new ArrayList<>();
            for (int k = 0; (long) k * stepBars + trainBars + testBars <= bars; k++) {
                int trainEnd = k * stepBars + trainBars;
                out.add(new Fold(k, BarWindow.of(anchored ? 0 : k * stepBars, trainEnd),
                        BarWindow.of(trainEnd, trainEnd + testBars)));
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("validation.walk_forward needs train_bars + test_bars <= the panel's "
                        + bars + " bars, got " + trainBars + " + " + testBars);
            }
            return out;
        }
    }

    /**
     * {@code purged_kfold: {folds: K, embargo_bars: E}}: the bars are cut into K contiguous test
     * folds of {@code ⌊bars/K⌋} bars, the first {@code bars mod K} folds one bar longer. Fold
     * {@code k} tests on {@code [a, b)} and trains on every other bar except the {@code E} bars on
     * each side of it: {@code [0, a − E) ∪ [b + E, bars)}. The bars before the test fold are purged
     * (the strategy's decisions there look at returns inside the test fold through its equity
     * path), the bars after it are the embargo (López de Prado 2018, ch. 7); one {@code E} serves both.
     */
    record PurgedKFold(int folds, int embargoBars) implements ValidationScheme {
        public PurgedKFold {
            if (folds < 2) {
                throw new IllegalArgumentException("purged_kfold.folds must be >= 2, got " + folds);
            }
            if (embargoBars < 0) {
                throw new IllegalArgumentException("purged_kfold.embargo_bars must be >= 0, got " + embargoBars);
            }
        }

        @Override
        public List<Fold> folds(int bars) {
            if (bars < folds) {
                throw new IllegalArgumentException("validation.purged_kfold needs at least folds = " + folds
                        + " bars, the panel has " + bars);
            }
            List<Fold> out = new ArrayList<>(folds);
            int base = bars / folds;
            int extra = bars % folds;
            int a = 0;
            for (int k = 0; k < folds; k++) {
                int b = a + base + (k < extra ? 1 : 0);
                int[] before = {0, Math.max(0, a - embargoBars)};
                int[] after = {Math.min(bars, b + embargoBars), bars};
                if (before[0] >= before[1] && after[0] >= after[1]) {
                    throw new IllegalArgumentException("validation.purged_kfold: fold " + k + " tests bars [" + a + ", "
                            + b + ") and leaves no training bar with embargo_bars " + embargoBars + " on " + bars + " bars");
                }
                out.add(new Fold(k, BarWindow.union(before, after), BarWindow.of(a, b)));
                a = b;
            }
            return out;
        }
    }

    /** Binds {@code validation}: exactly one of {@code walk_forward} and {@code purged_kfold}. */
    static ValidationScheme bind(ConfigNode validation) {
        validation.allowOnly("walk_forward", "purged_kfold");
        if (validation.has("walk_forward") == validation.has("purged_kfold")) {
            throw new ConfigException("config key `" + validation.path() + "` needs exactly one of walk_forward,"
                    + " purged_kfold (" + validation.origin() + ")");
        }
        if (validation.has("walk_forward")) {
            ConfigNode w = validation.object("walk_forward");
            w.allowOnly("train_bars", "test_bars", "step_bars", "anchored");
            w.requireAll("train_bars", "test_bars");
            int test = w.integer("test_bars", 1, Integer.MAX_VALUE);
            boolean anchored = false;
            if (w.has("anchored")) {
                if (!w.require("anchored").isBoolean()) {
                    throw w.invalid("anchored", "true or false", w.require("anchored"));
                }
                anchored = w.require("anchored").asBoolean();
            }
            return new WalkForward(w.integer("train_bars", 1, Integer.MAX_VALUE), test,
                    w.integer("step_bars", 1, Integer.MAX_VALUE, test), anchored);
        }
        ConfigNode p = validation.object("purged_kfold");
        p.allowOnly("folds", "embargo_bars");
        p.requireAll("folds");
        return new PurgedKFold(p.integer("folds", 2, Integer.MAX_VALUE), p.integer("embargo_bars", 0, Integer.MAX_VALUE, 0));
    }
}
