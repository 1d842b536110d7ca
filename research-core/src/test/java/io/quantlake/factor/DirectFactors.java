package io.quantlake.factor;

import java.util.Arrays;

/**
 * Plain-Java computations of every factor on a {@link SmallPanel}, straight from the Javadoc
 * formulas (two-pass means and deviations, no rolling sums): the reference the Spark expressions
 * are tested against. Values are per own bar of a symbol; NaN means "no value" (null in Spark).
 */
final class DirectFactors {
    private final SmallPanel p;

    DirectFactors(SmallPanel p) {
        this.p = p;
    }

    double ret(int s, int k) {
        return k < 1 ? Double.NaN : p.close[s][k] / p.close[s][k - 1] - 1.0;
    }

    /** The market proxy's return at grid index t. */
    double market(MarketProxy proxy, int t) {
        if (proxy instanceof MarketProxy.SymbolProxy sp) {
            int s = Arrays.asList(SmallPanel.SYMBOLS).indexOf(sp.symbol());
            int k = p.ownBar(s, t);
            return k < 0 ? Double.NaN : ret(s, k);
        }
        double num = 0.0;
        double den = 0.0;
        int count = 0;
        for (int s = 0; s < SmallPanel.SYMBOLS.length; s++) {
            int k = p.ownBar(s, t);
            if (k < 1) {
                continue;
            }
            double w = proxy instanceof MarketProxy.VolumeWeighted ? p.qv(s, k) : 1.0;
            num += w * ret(s, k);
            den += w;
            count++;
        }
        return count == 0 ? Double.NaN : num / den;
    }

    /** Values of {@code f} for every own bar of symbol {@code s}. */
    double[] values(Factor f, int s) {
        int n = p.close[s].length;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = k + 1 < f.warmup() ? Double.NaN : value(f, s, k);
        }
        return out;
    }

    private double value(Factor f, int s, int k) {
        double[] c = p.close[s];
        if (f instanceof Momentum m) {
            return c[k - m.skip()] / c[k - m.lookback()] - 1.0;
        } else if (f instanceof Reversal r) {
            return -(c[k] / c[k - r.bars()] - 1.0);
        } else if (f instanceof RealizedVolatility v) {
            double sd = sd(returns(s, k, v.bars()));
            return v.annualized() ? sd * Math.sqrt(365.0) : sd;
        } else if (f instanceof DownsideVolatility d) {
            double sum = 0.0;
            for (double r : returns(s, k, d.bars())) {
                double down = Math.min(r, 0.0);
                sum += down * down;
            }
            return Math.sqrt(sum / d.bars());
        } else if (f instanceof Liquidity l) {
            return meanQv(s, k, l.bars());
        } else if (f instanceof SizeProxy z) {
            return Math.log(meanQv(s, k, z.bars()));
        } else if (f instanceof AmihudIlliquidity a) {
            double sum = 0.0;
            for (int j = k - a.bars() + 1; j <= k; j++) {
                sum += Math.abs(ret(s, j)) / p.qv(s, j);
            }
            return sum / a.bars();
        } else if (f instanceof Beta b) {
            return regression(s, k, b.bars(), b.proxy())[0];
        } else if (f instanceof IdiosyncraticVolatility iv) {
            return regression(s, k, iv.bars(), iv.proxy())[1];
        } else if (f instanceof DistanceFromMovingAverage d) {
            return c[k] / mean(Arrays.copyOfRange(c, k - d.bars() + 1, k + 1)) - 1.0;
        } else if (f instanceof RatioToRollingHigh h) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = k - h.bars() + 1; j <= k; j++) {
                max = Math.max(max, c[j]);
            }
            return c[k] / max - 1.0;
        } else if (f instanceof RiskAdjustedMomentum ram) {
            return (c[k - ram.skip()] / c[k - ram.lookback()] - 1.0) / sd(returns(s, k, ram.volBars()));
        } else if (f instanceof ReturnStability st) {
            double[] r = returns(s, k, st.bars());
            return mean(r) / sd(r);
        } else if (f instanceof MaxDrawdown dd) {
            double peak = 0.0;
            double mdd = 0.0;
            for (int j = k - dd.bars() + 1; j <= k; j++) {
                peak = Math.max(peak, c[j]);
                mdd = Math.max(mdd, 1.0 - c[j] / peak);
            }
            return mdd;
        } else if (f instanceof Skewness sk) {
            double[] r = returns(s, k, sk.bars());
            double mu = mean(r);
            double m2 = 0.0;
            double m3 = 0.0;
            for (double x : r) {
                m2 += (x - mu) * (x - mu);
                m3 += (x - mu) * (x - mu) * (x - mu);
            }
            m2 /= r.length;
            m3 /= r.length;
            return m3 / Math.pow(m2, 1.5);
        } else if (f instanceof UserFactor u) {
            return user(u, s, k);
        }
        throw new AssertionError("no direct computation for " + f);
    }

    /** The expressions of {@link UserFactors}, written out on own bars (high = 1.01 close, low = 0.99 close). */
    private double user(UserFactor u, int s, int k) {
        double[] c = p.close[s];
        double[] v = p.volume[s];
        switch (u.name()) {
            case "vol_adj_mom": {
                double[] logRet = new double[8];
                for (int j = 0; j < 8; j++) {
                    logRet[j] = Math.log(c[k - 7 + j] / c[k - 8 + j]);
                }
                return (c[k] / c[k - 10] - 1) / sd(logRet);
            }
            case "lagged_ratio_mean": {
                double[] ratio = new double[4];
                for (int j = 0; j < 4; j++) {
                    ratio[j] = c[k - 3 + j - 2] / c[k - 3 + j - 5];
                }
                return mean(ratio);
            }
            case "volume_weighted_return": {
                double num = 0.0;
                double den = 0.0;
                for (int j = k - 5; j <= k; j++) {
                    num += ret(s, j) * v[j];
                    den += v[j];
                }
                return num / den;
            }
            case "range_position": {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int j = k - 4; j <= k; j++) {
                    lo = Math.min(lo, c[j] * 0.99);
                    hi = Math.max(hi, c[j] * 1.01);
                }
                return (c[k] - lo) / (hi - lo);
            }
            case "volume_surprise":
                return v[k] / mean(Arrays.copyOfRange(v, k - 4, k));
            default:
                throw new AssertionError("no direct computation for " + u);
        }
    }

    /** {beta, residual sd (ddof 1)} of r_i on r_m over own bars k−n+1 … k, two-pass. */
    private double[] regression(int s, int k, int n, MarketProxy proxy) {
        double[] y = returns(s, k, n);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = market(proxy, p.grid[s][k - n + 1 + j]);
            if (Double.isNaN(x[j])) {
                return new double[] {Double.NaN, Double.NaN};
            }
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0.0;
        double sxx = 0.0;
        for (int j = 0; j < n; j++) {
            sxy += (x[j] - mx) * (y[j] - my);
            sxx += (x[j] - mx) * (x[j] - mx);
        }
        double beta = sxy / sxx;
        double alpha = my - beta * mx;
        double ssr = 0.0;
        for (int j = 0; j < n; j++) {
            double e = y[j] - alpha - beta * x[j];
            ssr += e * e;
        }
        return new double[] {beta, Math.sqrt(ssr / (n - 1))};
    }

    private double[] returns(int s, int k, int n) {
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
            r[j] = ret(s, k - n + 1 + j);
        }
        return r;
    }

    private double meanQv(int s, int k, int n) {
        double sum = 0.0;
        for (int j = k - n + 1; j <= k; j++) {
            sum += p.qv(s, j);
        }
        return sum / n;
    }

    static double mean(double[] x) {
        double sum = 0.0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    static double sd(double[] x) {
        double mu = mean(x);
        double ss = 0.0;
        for (double v : x) {
            ss += (v - mu) * (v - mu);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
