package io.quantlake.sweep;

import io.quantlake.config.BacktestConfig;
import io.quantlake.config.ConfigLoader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

/**
 * One Spark task of a sweep: evaluates every parameter set of its partition against the broadcast
 * panel, one {@link SetEvaluator} (one panel, one parsed base config) per task, and counts the sets
 * done in an accumulator the driver reads for progress lines. A whole task's panel, rebuilt from the
 * broadcast, carries the values its sets share (own bars, score matrices, rankings:
 * {@link io.quantlake.panel.Panel#derived()}); a panel in broadcast chunks ({@link PanelData#blocked}) is read
 * block by block for each set, and its blocks' derived values are not shared between sets. Nothing is shared
 * through static state.
 */
final class SweepTask implements FlatMapFunction<Iterator<ParameterSet>, SetResult> {
    private static final long serialVersionUID = 1L;

    /**
     * The broadcast payload: the panel's arrays (or its chunks' broadcasts), the base config as YAML text
     * (re-bound on the executor: {@link BacktestConfig} is not Serializable) and the folds.
     */
    record Context(PanelData data, String baseYaml, String baseOrigin, List<Fold> folds) implements Serializable {
        private static final long serialVersionUID = 1L;

        Context {
            folds = List.copyOf(folds);
        }

        BacktestConfig base() {
            return BacktestConfig.bind(ConfigLoader.parse(baseYaml, baseOrigin));
        }
    }

    private final Broadcast<Context> context;
    private final LongAccumulator done;

    SweepTask(Broadcast<Context> context, LongAccumulator done) {
        this.context = context;
        this.done = done;
    }

    @Override
    public Iterator<SetResult> call(Iterator<ParameterSet> sets) {
        Context c = context.value();
        SetEvaluator evaluator = c.data().evaluator(c.base(), c.folds());
        List<SetResult> out = new ArrayList<>();
        while (sets.hasNext()) {
            out.add(evaluator.evaluate(sets.next()));
            done.add(1);
        }
        return out.iterator();
    }
}
