package io.quantlake.factorspec;

import io.quantlake.panel.Panel;
import java.util.Objects;
import java.util.Optional;

/**
 * A factor a strategy or an exit reads: its values are the panel feature named {@link #name()}, computed on the
 * Spark side from the research definition of the factor over the lake, point in time (research-core
 * {@code io.quantlake.backtest.FactorPanels}), and attached to the panel before the run. The kernel never computes
 * them.
 *
 * @param name the factor's name: a research factor name ({@link FactorName}) unless {@code expr} is given, then an
 *             identifier naming the user factor
 * @param expr a user factor expression, passed through unchanged to the Spark side (which turns the ref into a
 *             research factor); empty for a research factor name
 */
public record FactorRef(String name, Optional<String> expr) {
    public FactorRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expr, "expr");
        if (expr.isEmpty()) {
            FactorName.parse(name); // validates: one line naming the value and the accepted forms
        } else if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("user factor name must be lower-case letters, digits and _, starting"
                    + " with a letter, got '" + name + "'");
        }
    }

    /** The research factor {@code name} (validated by {@link FactorName#parse}). */
    public static FactorRef of(String name) {
        return new FactorRef(name, Optional.empty());
    }

    /**
     * The factor's values on {@code panel} ({@code bars × symbols}, NaN where undefined): the panel feature of this
     * name. A panel without it fails with one line naming the factor and how to attach it.
     */
    public double[] values(Panel panel) {
        if (!panel.features().containsKey(name)) {
            throw new IllegalArgumentException("the panel has no values of factor '" + name + "': factor values are "
                    + "computed by Spark over the lake (bin/quantlake backtest, sweep and nightly attach them; in a "
                    + "notebook FactorPanels.attach, or panel.withFeature(\"" + name + "\", values))");
        }
        return panel.feature(name);
    }
}
