package io.quantlake.strategy.pairs;

/**
 * Hedge ratio by OLS of {@code y} on {@code [1, x]} over the last {@code lookback} pair bars, the bar
 * {@code t} included: {@code beta = S_xy / S_xx}, {@code alpha = mean(y) - beta mean(x)} with
 * {@code S_xy = sum (x - mean x)(y - mean y)} over the window (the same numbers as {@code Ols.fit} on the
 * window). Not ready before {@code lookback} bars, nor while the window's {@code x} is constant.
 *
 * @param lookback window length in pair bars, &gt;= 3
 */
public record RollingOlsHedge(int lookback) implements HedgeRatio {
    public RollingOlsHedge {
        if (lookback < 3) {
            throw new IllegalArgumentException("lookback must be >= 3 bars for a rolling OLS hedge ratio, got " + lookback);
        }
    }

    @Override
    public Tracker start() {
        return new Window(lookback);
    }

    @Override
    public int warmupBars() {
        return lookback;
    }

    /** Circular buffers of the last {@code lookback} pair bars; the sums are recomputed (centred) at each bar. */
    private static final class Window implements Tracker {
        private final double[] ys;
        private final double[] xs;
        private int count;
        private double alpha = Double.NaN;
        private double beta = Double.NaN;

        Window(int lookback) {
            ys = new double[lookback];
            xs = new double[lookback];
        }

        @Override
        public void update(double y, double x) {
            int l = ys.length;
            ys[count % l] = y;
            xs[count % l] = x;
            count++;
            if (count < l) {
                return;
            }
            double my = 0;
            double mx = 0;
            for (int k = 0; k < l; k++) {
                my += ys[k];
                mx += xs[k];
            }
            my /= l;
            mx /= l;
            double sxy = 0;
            double sxx = 0;
            for (int k = 0; k < l; k++) {
                double dx = xs[k] - mx;
                sxy += dx * (ys[k] - my);
                sxx += dx * dx;
            }
            beta = sxx > 0 ? sxy / sxx : Double.NaN;
            alpha = sxx > 0 ? my - beta * mx : Double.NaN;
        }

        @Override
        public boolean ready() {
            return !Double.isNaN(beta);
        }

        @Override
        public double alpha() {
            return alpha;
        }

        @Override
        public double beta() {
            return beta;
        }
    }
}
