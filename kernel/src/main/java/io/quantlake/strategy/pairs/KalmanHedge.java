package io.quantlake.strategy.pairs;

/**
 * Hedge ratio by a Kalman filter on the state {@code theta_t = [alpha_t, beta_t]'} (the standard formulation of
 * E. Chan, <i>Algorithmic Trading</i>, 2013, §3):
 * <pre>
 *   transition   theta_t = theta_{t-1} + w_t,        w_t ~ N(0, Vw),  Vw = delta / (1 - delta) I
 *   observation  y_t     = F_t theta_t + v_t,        v_t ~ N(0, ve),  F_t = [1, x_t]
 * </pre>
 * From {@code theta_0 = [0, 0]}, {@code P_0 = 0}, each pair bar does
 * <pre>
 *   R = P + Vw;  e = y - F theta;  Q = F R F' + ve;  K = R F' / Q;  theta = theta + K e;  P = R - K F R
 * </pre>
 * so {@code (alpha_t, beta_t)} is the filtered (posterior) state after bar {@code t}. A larger {@code delta}
 * lets beta move faster; {@code ve} is the observation noise variance in squared price units (log-price units
 * on the default scale). The estimate is reported after {@code warmup} bars.
 *
 * @param delta  transition noise parameter, in (0, 1)
 * @param ve     observation noise variance, &gt; 0
 * @param warmup pair bars before the estimate is used, &gt;= 1
 */
public record KalmanHedge(double delta, double ve, int warmup) implements HedgeRatio {
    public KalmanHedge {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        if (!(ve > 0) || Double.isInfinite(ve)) {
            throw new IllegalArgumentException("ve must be finite and > 0, got " + ve);
        }
        if (warmup < 1) {
            throw new IllegalArgumentException("warmup must be >= 1 bar, got " + warmup);
        }
    }

    @Override
    public Filter start() {
        return new Filter(delta / (1 - delta), ve, warmup);
    }

    @Override
    public int warmupBars() {
        return warmup;
    }

    /** The filter's state: theta and the symmetric 2 x 2 covariance P in primitive fields. */
    public static final class Filter implements Tracker {
        private final double vw;
        private final double ve;
        private final int warmup;
        private int count;
        private double a;
        private double b;
        private double p00;
        private double p01;
        private double p11;

        Filter(double vw, double ve, int warmup) {
            this.vw = vw;
            this.ve = ve;
            this.warmup = warmup;
        }

        @Override
        public void update(double y, double x) {
            double r00 = p00 + vw;
            double r01 = p01;
            double r11 = p11 + vw;
            double e = y - (a + b * x);
            // R F' with F = [1, x]
            double rf0 = r00 + r01 * x;
            double rf1 = r01 + r11 * x;
            double q = rf0 + rf1 * x + ve;
            double k0 = rf0 / q;
            double k1 = rf1 / q;
            a += k0 * e;
            b += k1 * e;
            // P = R - K (F R) = R - K (R F')'
            p00 = r00 - k0 * rf0;
            p01 = r01 - k0 * rf1;
            p11 = r11 - k1 * rf1;
            count++;
        }

        @Override
        public boolean ready() {
            return count >= warmup;
        }

        @Override
        public double alpha() {
            return ready() ? a : Double.NaN;
        }

        @Override
        public double beta() {
            return ready() ? b : Double.NaN;
        }

        /** Element {@code (r, c)} of the posterior state covariance P (0 = alpha, 1 = beta). */
        public double covariance(int r, int c) {
            return r == 0 && c == 0 ? p00 : r == 1 && c == 1 ? p11 : p01;
        }
    }
}
