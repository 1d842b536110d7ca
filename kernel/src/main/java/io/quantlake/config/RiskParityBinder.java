package io.quantlake.config;

import io.quantlake.strategy.quant.CovarianceModel;
import io.quantlake.strategy.quant.RiskParityStrategy;
import io.quantlake.strategy.quant.VolTargeting;
import java.util.Optional;

/**
 * {@code risk_parity}: {@code method} (inverse_vol | erc, required), {@code lookback} (>= 2, required),
 * {@code covariance} (sample | ewma, default sample), {@code halflife} (bars > 0, required with ewma and only
 * then), {@code shrinkage} (none | ledoit_wolf, default none), {@code vol_target} (annualised > 0, optional),
 * {@code max_leverage} (> 0, default 1, only with vol_target), {@code schedule} (required), {@code band}
 * (default 0).
 */
final class RiskParityBinder implements StrategyBinder {
    @Override
    public Bound bind(ConfigNode p) {
        p.allowOnly("method", "lookback", "covariance", "halflife", "shrinkage", "vol_target", "max_leverage",
                "schedule", "band");
        RiskParityStrategy.Method method = p.choice("method", RiskParityStrategy.Method.class);
        int lookback = p.integer("lookback", 2, Integer.MAX_VALUE);
        String cov = p.choiceOr("covariance", "sample", "sample", "ewma");
        CovarianceModel.Estimator estimator;
        if (cov.equals("ewma")) {
            estimator = new CovarianceModel.Ewma(p.number("halflife", Range.above(0)));
        } else {
            StrategyBinder.absentUnless(p, "halflife", "covariance: ewma");
            estimator = new CovarianceModel.Sample();
        }
        CovarianceModel.Shrinkage shrinkage = p.choice("shrinkage", CovarianceModel.Shrinkage.NONE);
        Optional<VolTargeting> volTarget = Optional.empty();
        if (p.has("vol_target")) {
            volTarget = Optional.of(new VolTargeting(p.number("vol_target", Range.above(0)),
                    p.number("max_leverage", Range.above(0), 1)));
        } else {
            StrategyBinder.absentUnless(p, "max_leverage", "vol_target");
        }
        RiskParityStrategy s = new RiskParityStrategy(method, lookback, new CovarianceModel(estimator, shrinkage),
                volTarget, StrategyBinder.schedule(p, "schedule"));
        return StrategyBinder.weight(s, p, 0, s.schedule().threshold());
    }
}
