package io.quantlake.strategy.pairs;

import io.quantlake.stats.CointegrationResult;
import java.util.Objects;

/**
 * One ordered pair of a {@link PairScan}: the Engle-Granger test of {@code y} on {@code x}
 * ({@code y_t = alpha + beta x_t + s_t}, ADF on {@code s_t}), on the scan's price scale.
 *
 * @param y        dependent symbol
 * @param x        regressor (hedge) symbol
 * @param alpha    intercept of the cointegrating regression
 * @param beta     hedge ratio (units of {@code x} price per unit of {@code y} price; an elasticity on log prices)
 * @param adfStat  ADF statistic of the spread
 * @param pValue   MacKinnon p-value (N = 2, trend c), as statsmodels' {@code coint}
 * @param lags     lags the ADF lag selection chose
 * @param halfLife spread half-life in bars ({@code +Infinity} when the spread does not revert)
 * @param n        common bars used
 */
public record PairScanRow(String y, String x, double alpha, double beta, double adfStat, double pValue, int lags,
                          double halfLife, int n) {
    /** CSV header, the columns of {@link #csv()}. */
    public static final String HEADER = "y,x,alpha,beta,adf_stat,pvalue,lags,half_life,n";

    public PairScanRow {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        if (y.equals(x)) {
            throw new IllegalArgumentException("a pair needs two symbols, got y = x = " + y);
        }
    }

    /** The row of a cointegration result. */
    public static PairScanRow of(String y, String x, CointegrationResult r) {
        return new PairScanRow(y, x, r.alpha(), r.beta(), r.statistic(), r.pValue(), r.lags(), r.halfLife(), r.nobs());
    }

    /** The CSV line (no newline), numbers at full precision ({@code Double.toString}; {@code inf} for an infinite half-life). */
    public String csv() {
        return y + "," + x + "," + alpha + "," + beta + "," + adfStat + "," + pValue + "," + lags + ","
                + (Double.isInfinite(halfLife) ? "inf" : Double.toString(halfLife)) + "," + n;
    }
}
