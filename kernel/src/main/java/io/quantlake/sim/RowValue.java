package io.quantlake.sim;

/**
 * The kernel's one summation of quantity times price over a row of prices (SIMULATION.md §3): net
 * exposure {@code Σ q_i p_i}, gross exposure {@code Σ |q_i| p_i} and equity {@code C + Σ q_i p_i}, with
 * {@code q_i} a net quantity (units) and {@code p_i} a price (quote currency per unit). A term with
 * {@code q_i = 0} counts as 0 (a price may be NaN before a symbol's first bar). Two summation orders,
 * each fixed so that a run is bit-reproducible; they give different doubles, so each caller keeps its own:
 * <ul>
 *   <li>{@link #running}: one accumulator from a start value, in universe order (equity and gross at a
 *       decision);</li>
 *   <li>{@link #lanes}: four partial sums over the symbols {@code i ≡ 0, 1, 2, 3 (mod 4)} in universe
 *       order, the remainder into the first, combined as {@code (s0 + s1) + (s2 + s3)} (the mark to
 *       market); {@link #lanesTwoRows} sums two rows in one pass, each as {@link #lanes} sums it.</li>
 * </ul>
 */
final class RowValue {
    private RowValue() {
    }

    /**
     * {@code start + Σ q[i] · prices[offset + i]} ({@code gross}: {@code |q[i]|}) over the symbols with
     * {@code q[i] != 0}, added one by one in universe order to one accumulator that starts at {@code start}.
     */
    static double running(double start, double[] q, double[] prices, int offset, boolean gross) {
        double s = start;
        for (int i = 0; i < q.length; i++) {
            if (q[i] != 0) {
                s += (gross ? Math.abs(q[i]) : q[i]) * prices[offset + i];
            }
        }
        return s;
    }

    /**
     * {@code Σ q[i] · prices[offset + i]} ({@code gross}: {@code Σ |q[i] · prices[offset + i]|}) over the
     * symbols with {@code q[i] != 0}, in the four-lane order. With {@code finite} (every price of the row
     * finite and positive, so a term with {@code q[i] = 0} is {@code +0.0} and adds nothing) the terms are
     * summed without the test.
     */
    static double lanes(double[] q, double[] prices, int offset, boolean finite, boolean gross) {
        int n = q.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        if (finite) {
            for (; i < n - 3; i += 4) {
                int k = offset + i;
                s0 += product(q[i], prices[k], gross);
                s1 += product(q[i + 1], prices[k + 1], gross);
                s2 += product(q[i + 2], prices[k + 2], gross);
                s3 += product(q[i + 3], prices[k + 3], gross);
            }
        }
        for (; i < n - 3; i += 4) {
            int k = offset + i;
            s0 += term(q[i], prices[k], gross);
            s1 += term(q[i + 1], prices[k + 1], gross);
            s2 += term(q[i + 2], prices[k + 2], gross);
            s3 += term(q[i + 3], prices[k + 3], gross);
        }
        for (; i < n; i++) {
            s0 += term(q[i], prices[offset + i], gross);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@link #lanes}{@code (q, prices0, row0, true, false)} and {@code (q, prices1, row1, true, false)} in
     * one pass (each {@code q[i]} read once for both rows), into {@code out[0]} and {@code out[1]}: the same
     * partial sums per row in the same order, so the same doubles. Every price of both rows must be finite
     * and positive.
     */
    static void lanesTwoRows(double[] q, double[] prices0, int row0, double[] prices1, int row1, double[] out) {
        int n = q.length;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        int i = 0;
        for (; i < n - 3; i += 4) {
            double q0 = q[i];
            double q1 = q[i + 1];
            double q2 = q[i + 2];
            double q3 = q[i + 3];
            int k = row0 + i;
            int m = row1 + i;
            a0 += q0 * prices0[k];
            a1 += q1 * prices0[k + 1];
            a2 += q2 * prices0[k + 2];
            a3 += q3 * prices0[k + 3];
            b0 += q0 * prices1[m];
            b1 += q1 * prices1[m + 1];
            b2 += q2 * prices1[m + 2];
            b3 += q3 * prices1[m + 3];
        }
        for (; i < n; i++) {
            a0 += term(q[i], prices0[row0 + i], false);
            b0 += term(q[i], prices1[row1 + i], false);
        }
        out[0] = (a0 + a1) + (a2 + a3);
        out[1] = (b0 + b1) + (b2 + b3);
    }

    /** {@code q · p}, or {@code |q · p|} for {@code gross}. */
    private static double product(double q, double p, boolean gross) {
        return gross ? Math.abs(q * p) : q * p;
    }

    /** {@link #product}, 0 when {@code q = 0}. */
    private static double term(double q, double p, boolean gross) {
        return q != 0 ? product(q, p, gross) : 0.0;
    }
}
