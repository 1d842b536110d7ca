package io.quantlake.portfolio;

import java.util.Objects;

/**
 * The {@code hedge:} section: a dynamic beta hedge by one perpetual (see {@link BetaHedge}).
 *
 * @param symbol    the hedge instrument and beta reference, default {@code BTCUSDT}; must be in the universe
 * @param band      half-width {@code b} of the allowed portfolio beta {@code [−b, b]}, in [0, 10]
 * @param lookback  returns the beta estimate and the volatility regime use, &gt;= 3
 * @param method    ols or ewma
 * @param volRegime when true the hedge is full (to beta 0) only while the hedge symbol's realized volatility
 *                  is above its rolling median, and half (to {@code ±b/2}) otherwise; when false always full
 */
public record HedgeSpec(String symbol, double band, int lookback, BetaMethod method, boolean volRegime) {
    public HedgeSpec {
        Objects.requireNonNull(symbol, "hedge.symbol");
        Objects.requireNonNull(method, "hedge.method");
        if (!(band >= 0 && band <= 10)) {
            throw new IllegalArgumentException("hedge.band must be in [0, 10], got " + band);
        }
        if (lookback < 3) {
            throw new IllegalArgumentException("hedge.lookback must be >= 3 returns, got " + lookback);
        }
    }

    /** BTCUSDT, OLS, no regime. */
    public static HedgeSpec btc(double band, int lookback) {
        return new HedgeSpec("BTCUSDT", band, lookback, BetaMethod.OLS, false);
    }
}
