package io.quantlake.factor;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Rolling OLS {@code y = α + β x + e} over a symbol's last {@code n} own bars from rolling sums of
 * products (pairs where x or y is null are left out; the result is null unless all n pairs exist).
 *
 * <p>With {@code S_x = Σx}, {@code S_xy = Σxy} etc. over the m pairs:
 * {@code C_xx = S_xx − S_x²/m}, {@code C_xy = S_xy − S_x S_y/m}, {@code C_yy = S_yy − S_y²/m};
 * {@code β = C_xy / C_xx} (= cov(x, y) / var(x)), {@code α = (S_y − β S_x)/m}; the residual sum of
 * squares is {@code SSR = C_yy − C_xy² / C_xx} (clamped at 0), and the residual standard deviation
 * (ddof 1; the residuals have mean 0) is {@code √(SSR / (m − 1))}.
 */
final class RollingRegression {
    private final Column m;
    private final Column cxx;
    private final Column cxy;
    private final Column cyy;
    private final int n;

    RollingRegression(Column y, Column x, int n) {
        this.n = n;
        WindowSpec w = FactorFrame.trailing(n);
        Column both = y.isNotNull().and(x.isNotNull());
        Column xs = when(both, x);
        Column ys = when(both, y);
        this.m = count(xs).over(w);
        Column sx = sum(xs).over(w);
        Column sy = sum(ys).over(w);
        this.cxx = sum(xs.multiply(xs)).over(w).minus(sx.multiply(sx).divide(m));
        this.cxy = sum(xs.multiply(ys)).over(w).minus(sx.multiply(sy).divide(m));
        this.cyy = sum(ys.multiply(ys)).over(w).minus(sy.multiply(sy).divide(m));
    }

    private Column valid() {
        return m.equalTo(n).and(cxx.gt(0.0));
    }

    /** {@code β = C_xy / C_xx}; null unless n pairs and {@code C_xx > 0}. */
    Column beta() {
        return when(valid(), cxy.divide(cxx));
    }

    /** {@code √(max(C_yy − C_xy²/C_xx, 0) / (n − 1))}; null unless n pairs and {@code C_xx > 0}. */
    Column residualStdDev() {
        Column ssr = greatest(cyy.minus(cxy.multiply(cxy).divide(cxx)), lit(0.0));
        return when(valid(), sqrt(ssr.divide(n - 1)));
    }
}
