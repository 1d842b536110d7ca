package io.quantlake.factor;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * A composite score: the weighted sum of the components' cross-sectional z-scores at each bar time,
 * {@code s_i,t = Σ_k w_k · z_k,i,t} with {@code z} from {@link CrossSection#zscore} (mean and sample
 * standard deviation across the symbols present at t). Weights are used as given (not normalized; a
 * negative weight flips a factor, e.g. −1 on volatility). Null where any component's z-score is null
 * (a symbol in any component's warm-up, or a cross-section of fewer than 2 values).
 *
 * @param name column name / {@code factor} key, lower case {@code [a-z][a-z0-9_]*}
 * @param components at least one, each factor at most once
 */
public record Composite(String name, List<Component> components) {
    public Composite {
        Objects.requireNonNull(name, "composite.name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("composite.name must match [a-z][a-z0-9_]*, got '" + name + "'");
        }
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("composite '" + name + "' needs at least one component");
        }
        Set<String> seen = new HashSet<>();
        for (Component c : components) {
            if (!seen.add(c.factor().name())) {
                throw new IllegalArgumentException("composite '" + name + "' lists factor " + c.factor().name() + " twice");
            }
        }
    }

    /** One weighted factor of a composite; the weight must be finite and non-zero. */
    public record Component(Factor factor, double weight) {
        public Component {
            Objects.requireNonNull(factor, "component.factor");
            if (!Double.isFinite(weight) || weight == 0.0) {
                throw new IllegalArgumentException("weight of " + factor.name() + " must be finite and non-zero, got " + weight);
            }
        }
    }

    /** A composite of one component; extend with {@link #plus}. */
    public static Composite of(String name, Factor factor, double weight) {
        return new Composite(name, List.of(new Component(factor, weight)));
    }

    /** This composite with one more component. */
    public Composite plus(Factor factor, double weight) {
        List<Component> more = new ArrayList<>(components);
        more.add(new Component(factor, weight));
        return new Composite(name, more);
    }

    /** Own bars needed: the largest warm-up of the components. */
    public int warmup() {
        int w = 0;
        for (Component c : components) {
            w = Math.max(w, c.factor().warmup());
        }
        return w;
    }

    /** The score over a frame holding one column per component factor (named {@link Factor#name()}). */
    public Column column(CrossSection crossSection) {
        Column score = null;
        for (Component c : components) {
            Column term = crossSection.zscore(col(c.factor().name())).multiply(c.weight());
            score = score == null ? term : score.plus(term);
        }
        return score;
    }
}
