package io.quantlake.sizing;

/** Volatility targeting: one multiplier on a weight vector so its ex-ante volatility hits a target. */
public final class VolTarget {

    private VolTarget() {
    }

    /**
     * Scales {@code weights} by {@code k = min(targetVol / vol, maxLeverage / sum|w|)} where
     * {@code vol = sqrt(w' cov w * periodsPerYear)} is the annualised ex-ante volatility.
     * The gross exposure of the result never exceeds {@code maxLeverage}. With zero weights nothing is scaled
     * ({@code k = 0}); with zero ex-ante volatility the leverage cap alone decides.
     *
     * @param weights        fractions of equity, one per asset (negative = short)
     * @param cov            per-bar covariance of the assets' simple returns
     * @param targetVol      annualised target volatility, e.g. 0.15, {@code > 0}
     * @param periodsPerYear bars per year used to annualise, e.g. 365 for 1d crypto, 2190 for 4h, {@code > 0}
     * @param maxLeverage    cap on {@code sum|k w_i|}, {@code > 0}
     */
    public static VolTargetResult scale(double[] weights, double[][] cov, double targetVol, double periodsPerYear,
                                        double maxLeverage) {
        return scale(weights, cov, targetVol, periodsPerYear, maxLeverage, Matrices.gross(weights));
    }

    /**
     * As {@link #scale(double[], double[][], double, double, double)} with the leverage cap on a larger book:
     * {@code k = min(targetVol / vol, maxLeverage / gross)}, {@code gross >= sum|w|} the gross of the whole book
     * whose other positions (e.g. those without a volatility estimate) are 0 after scaling.
     *
     * @param gross the book's gross exposure the cap applies to, {@code >= sum|w|} (to rounding)
     */
    public static VolTargetResult scale(double[] weights, double[][] cov, double targetVol, double periodsPerYear,
                                        double maxLeverage, double gross) {
        int n = Matrices.requireCovariance(cov, "cov");
        Matrices.requireVector(weights, n, "weights");
        if (!(targetVol > 0) || Double.isInfinite(targetVol)) {
            throw new IllegalArgumentException("targetVol must be finite and > 0 (annualised), got " + targetVol);
        }
        if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("periodsPerYear must be finite and > 0, got " + periodsPerYear);
        }
        if (!(maxLeverage > 0) || Double.isInfinite(maxLeverage)) {
            throw new IllegalArgumentException("maxLeverage must be finite and > 0, got " + maxLeverage);
        }
        if (!(gross >= 0) || Double.isInfinite(gross)) {
            throw new IllegalArgumentException("gross must be finite and >= 0, got " + gross);
        }
        double variance = Math.max(0, Matrices.quadraticForm(cov, weights));
        double vol = Math.sqrt(variance * periodsPerYear);
        if (Matrices.gross(weights) == 0) {
            return new VolTargetResult(weights, 0, 0, false);
        }
        double cap = maxLeverage / gross;
        double k = vol > 0 ? Math.min(targetVol / vol, cap) : cap;
        boolean capped = !(vol > 0) || targetVol / vol > cap;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = k * weights[i];
        }
        return new VolTargetResult(out, k, vol, capped);
    }
}
