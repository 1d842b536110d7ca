package io.quantlake.risk;

import io.quantlake.panel.Panel;
import java.util.Objects;

/**
 * Caps a decision's target weights (issue 4 item 5). A pure function of the targets and of market data
 * up to the decision bar; it never increases a {@code |w_i|} and never flips a sign. Rules, in this order
 * (each later rule only shrinks weights, so every earlier cap still holds at the end):
 *
 * <ol>
 *   <li>{@link RiskRule#MAX_POSITIONS}: keep the {@code max_positions} largest {@code |w_i|} (ties: lower
 *       universe index), set the others to 0;</li>
 *   <li>{@link RiskRule#ASSET_CAP}: {@code w_i ← clamp(w_i, −max_weight, max_weight)};</li>
 *   <li>{@link RiskRule#CLUSTER_CAP}: in each cluster {@code C} with {@code S_C = Σ_{i∈C}|w_i| > max_cluster_weight},
 *       {@code w_i ← w_i · max_cluster_weight / S_C}. Clusters: {@link CorrelationTracker} (rolling Pearson over
 *       {@code cluster_lookback} own-bar returns up to and including {@code t}, pairwise-complete, defined after
 *       {@code cluster_lookback} joint returns), average linkage cut at {@code cluster_threshold}; a symbol
 *       without a defined correlation is its own cluster;</li>
 *   <li>{@link RiskRule#NET_CAP}: with {@code L = Σ w⁺}, {@code S = Σ w⁻ (>= 0)}: if {@code L − S > max_net}
 *       the longs are multiplied by {@code (max_net + S) / L}; if {@code S − L > max_net} the shorts by
 *       {@code (max_net + L) / S};</li>
 *   <li>{@link RiskRule#GROSS_CAP}: if {@code Σ|w_i| > max_gross}, all by {@code max_gross / Σ|w_i|}.</li>
 * </ol>
 *
 * Each symbol is attributed to the FIRST rule that reduced it ({@code fired[i]}). The caps hold to floating
 * rounding (relative 1e-12). The circuit breaker (SIMULATION.md §9) is the kernel's ({@code SimConfig}); it is
 * not repeated here. Decisions must come in increasing {@code t} (the tracker is fed up to {@code t} lazily).
 * Allocation-free per call.
 */
public final class RiskManager {
    private final RiskRules rules;
    private final int n;
    /** The own-bar returns of the current panel's rows (null without a cluster cap). */
    private double[] returns;
    private final CorrelationTracker tracker;
    private final double[] row;
    private final int[] clusterIds;
    private final boolean[] kept;
    /** The next grid bar to feed the tracker. */
    private int fed;
    private int clusterCount;
    /** The grid bar of the current panel's row 0 and its number of rows. */
    private int offset;
    private int rows;

    /** A risk manager over {@code panel}'s universe (the panel supplies the returns of the cluster rule). */
    public RiskManager(RiskRules rules, Panel panel) {
        this(rules, panel.symbolCount());
        block(panel);
    }

    /**
     * A risk manager over a universe of {@code symbols} symbols whose panel is given block by block
     * ({@link #block}), before the first decision.
     */
    public RiskManager(RiskRules rules, int symbols) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.n = symbols;
        this.clusterIds = new int[n];
        this.kept = new boolean[n];
        this.row = new double[n];
        this.tracker = rules.clustered() ? new CorrelationTracker(CorrelationTrackerConfig.of(n,
                rules.clusterLookback(), rules.clusterLookback())) : null;
        for (int i = 0; i < n; i++) {
            clusterIds[i] = i;
        }
        clusterCount = n;
    }

    /**
     * Points the manager at {@code panel}: the whole panel, or the next block of a run in time blocks (a block
     * panel, {@link Panel#asBlock}, whose rows follow the previous one's, with a warm-up of at least 2 own bars:
     * {@link #warmupBars}). The cluster rule's correlation tracker lives across blocks: it is first fed every
     * remaining row of the previous panel, so it never needs a row before the new block.
     */
    public void block(Panel panel) {
        if (panel.symbolCount() != n) {
            throw new IllegalArgumentException("risk manager of " + n + " symbols given a panel of "
                    + panel.symbolCount());
        }
        if (tracker != null) {
            if (returns != null) {
                feed(offset + rows - 1);
            }
            if (panel.offset() > fed || panel.offset() + panel.bars() < fed) {
                throw new IllegalStateException("risk manager fed up to grid bar " + (fed - 1) + " given a panel of"
                        + " grid bars [" + panel.offset() + ", " + (panel.offset() + panel.bars()) + ")");
            }
            returns = OwnBarReturns.of(panel);
        }
        offset = panel.offset();
        rows = panel.bars();
    }

    /**
     * Own bars up to a decision that a run in time blocks must read for these rules: 2 with a cluster cap (a
     * block's first return needs the bar before it; the correlation windows live across blocks), else 0.
     */
    public static int warmupBars(RiskRules rules) {
        return rules.clustered() ? 2 : 0;
    }

    /** Feeds the tracker the returns of every grid bar up to {@code g}. */
    private void feed(int g) {
        for (; fed <= g; fed++) {
            System.arraycopy(returns, (fed - offset) * n, row, 0, n);
            tracker.update(row);
        }
    }

    public RiskRules rules() {
        return rules;
    }

    /**
     * Updates the clusters to grid bar {@code t} (feeding the tracker every bar up to {@code t}) and writes each
     * symbol's cluster id; returns the number of clusters. Without a cluster cap every symbol is its own.
     */
    public int clusters(int t, int[] ids) {
        if (tracker != null) {
            if (t < fed - 1 || t >= offset + rows) {
                throw new IllegalStateException("risk manager asked for grid bar " + t + " after bar " + (fed - 1)
                        + " or past its panel's grid bars [" + offset + ", " + (offset + rows) + ")");
            }
            feed(t);
            clusterCount = tracker.clusters(CorrelationEstimator.ROLLING, rules.clusterThreshold(), clusterIds);
        }
        System.arraycopy(clusterIds, 0, ids, 0, n);
        return clusterCount;
    }

    /**
     * Applies the rules to the finite weights {@code w} (in place) at decision grid bar {@code t}.
     *
     * @param fired out: the first rule that reduced each symbol, null where none did
     */
    public void apply(int t, double[] w, RiskRule[] fired) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(w[i])) {
                throw new IllegalArgumentException("risk manager: target of symbol " + i + " at bar " + t
                        + " must be finite, got " + w[i]);
            }
            fired[i] = null;
        }
        maxPositions(w, fired);
        for (int i = 0; i < n; i++) {
            if (Math.abs(w[i]) > rules.maxWeight()) {
                w[i] = Math.copySign(rules.maxWeight(), w[i]);
                mark(fired, i, RiskRule.ASSET_CAP);
            }
        }
        if (tracker != null) {
            int count = clusters(t, clusterIds);
            for (int c = 0; c < count; c++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += clusterIds[i] == c ? Math.abs(w[i]) : 0;
                }
                if (sum > rules.maxClusterWeight()) {
                    double k = rules.maxClusterWeight() / sum;
                    for (int i = 0; i < n; i++) {
                        if (clusterIds[i] == c && w[i] != 0) {
                            w[i] *= k;
                            mark(fired, i, RiskRule.CLUSTER_CAP);
                        }
                    }
                }
            }
        }
        netCap(w, fired);
        double gross = 0;
        for (int i = 0; i < n; i++) {
            gross += Math.abs(w[i]);
        }
        if (gross > rules.maxGross()) {
            scale(w, fired, rules.maxGross() / gross, 0, RiskRule.GROSS_CAP);
        }
    }

    private void maxPositions(double[] w, RiskRule[] fired) {
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
            nonZero += w[i] != 0 ? 1 : 0;
        }
        if (nonZero <= rules.maxPositions()) {
            return;
        }
        java.util.Arrays.fill(kept, false);
        for (int k = 0; k < rules.maxPositions(); k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!kept[i] && w[i] != 0 && (best < 0 || Math.abs(w[i]) > Math.abs(w[best]))) {
                    best = i;
                }
            }
            kept[best] = true;
        }
        for (int i = 0; i < n; i++) {
            if (!kept[i] && w[i] != 0) {
                w[i] = 0;
                mark(fired, i, RiskRule.MAX_POSITIONS);
            }
        }
    }

    private void netCap(double[] w, RiskRule[] fired) {
        double longs = 0;
        double shorts = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                longs += w[i];
            } else {
                shorts -= w[i];
            }
        }
        double cap = rules.maxNet();
        if (longs - shorts > cap) {
            scale(w, fired, (cap + shorts) / longs, 1, RiskRule.NET_CAP);
        } else if (shorts - longs > cap) {
            scale(w, fired, (cap + longs) / shorts, -1, RiskRule.NET_CAP);
        }
    }

    /** Multiplies the weights of sign {@code side} (0 = all) by {@code k < 1}. */
    private void scale(double[] w, RiskRule[] fired, double k, int side, RiskRule rule) {
        for (int i = 0; i < n; i++) {
            if (w[i] != 0 && (side == 0 || Math.signum(w[i]) == side)) {
                w[i] *= k;
                mark(fired, i, rule);
            }
        }
    }

    private static void mark(RiskRule[] fired, int i, RiskRule rule) {
        if (fired[i] == null) {
            fired[i] = rule;
        }
    }
}
