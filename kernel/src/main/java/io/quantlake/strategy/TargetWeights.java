package io.quantlake.strategy;

import java.util.Objects;

/**
 * The output of a {@link WeightStrategy} over a whole panel (SIMULATION.md §5).
 *
 * @param bars      number of grid bars T
 * @param symbols   number of universe symbols N
 * @param decision  {@code decision[t]} is true when the strategy decided at bar {@code t}
 * @param weights   {@code weights[t * N + i]}: target weight of symbol {@code i} decided at bar {@code t},
 *                  as a fraction of equity (negative = short); NaN = no opinion (keep the position).
 *                  Rows of bars without a decision are ignored. Values already honour the 0-forcing
 *                  of SIMULATION.md R6/R7 (non-existing or invalid symbols are 0 at a decision).
 *                  How they become trades (band, {@code rebalance.to}, threshold) is the run's
 *                  {@link io.quantlake.schedule.RebalanceRule}, not the strategy's.
 */
public record TargetWeights(int bars, int symbols, boolean[] decision, double[] weights) {
    public TargetWeights {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(weights, "weights");
        if (decision.length != bars) {
            throw new IllegalArgumentException("decision has " + decision.length + " bars, expected " + bars);
        }
        if (weights.length != bars * symbols) {
            throw new IllegalArgumentException("weights has " + weights.length + " cells, expected " + bars * symbols);
        }
    }

    /** An empty matrix: no decision anywhere. */
    public static TargetWeights none(int bars, int symbols) {
        double[] w = new double[bars * symbols];
        java.util.Arrays.fill(w, Double.NaN);
        return new TargetWeights(bars, symbols, new boolean[bars], w);
    }
}
