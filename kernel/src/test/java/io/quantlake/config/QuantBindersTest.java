package io.quantlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.factorspec.FactorRef;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.WeightStrategy;
import io.quantlake.strategy.quant.BetaNeutralStrategy;
import io.quantlake.strategy.quant.CompositeScore;
import io.quantlake.strategy.quant.CovarianceModel;
import io.quantlake.strategy.quant.FactorStrategy;
import io.quantlake.strategy.quant.MarketIndex;
import io.quantlake.strategy.quant.RiskParityStrategy;
import io.quantlake.strategy.quant.RollingBeta;
import io.quantlake.strategy.quant.VolTargeting;
import io.quantlake.strategy.reference.MarketNeutralStrategy;
import io.quantlake.strategy.reference.MomentumScore;
import io.quantlake.strategy.reference.Selection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The quant strategies' binders through {@link StrategyRegistry#all()}: defaults, shapes, errors and rules. */
class QuantBindersTest {
    private static final String HEAD = StrategyRegistryTest.HEAD;

    static StrategyBinder.Bound bound(String name, Map<String, ?> params) {
        ConfigNode node = ConfigNode.of(Map.of("name", name, "params", params), "strategy", "notebook quant.ipynb");
        return StrategyRegistry.all().binder(node, name).bind(ConfigNode.of(params, "strategy.params", "notebook quant.ipynb"));
    }

    static WeightStrategy build(String name, Map<String, ?> params) {
        ConfiguredStrategy s = bound(name, params).strategy();
        assertEquals(name.equals("market_neutral_beta") && "dollar".equals(params.get("neutral"))
                ? "market_neutral" : name, s.name());
        return ((ConfiguredStrategy.Weight) s).strategy();
    }

    static String error(String strategyYaml) {
        return assertThrows(ConfigException.class,
                () -> BacktestConfig.bind(ConfigLoader.parse(HEAD + strategyYaml, "file conf/q.yaml"))).getMessage();
    }

    @Test
    void riskParityDefaultsAndFullForm() {
        assertEquals(new RiskParityStrategy(RiskParityStrategy.Method.ERC, 60,
                new CovarianceModel(new CovarianceModel.Sample(), CovarianceModel.Shrinkage.NONE), Optional.empty(),
                new RebalanceSchedule.Monthly(1)),
                build("risk_parity", Map.of("method", "erc", "lookback", 60, "schedule", Map.of("monthly", 1))));
        assertEquals(new RiskParityStrategy(RiskParityStrategy.Method.INVERSE_VOL, 90,
                new CovarianceModel(new CovarianceModel.Ewma(20), CovarianceModel.Shrinkage.LEDOIT_WOLF),
                Optional.of(new VolTargeting(0.15, 1.5)), new RebalanceSchedule.Weekly(1)),
                build("risk_parity", Map.of("method", "inverse_vol", "lookback", 90, "covariance", "ewma",
                        "halflife", 20, "shrinkage", "ledoit_wolf", "vol_target", 0.15, "max_leverage", 1.5,
                        "schedule", Map.of("weekly", "mon"), "band", 0.02)));
        RiskParityStrategy defaultCap = (RiskParityStrategy) build("risk_parity", Map.of("method", "erc", "lookback", 5,
                "vol_target", 0.1, "schedule", "daily"));
        assertEquals(Optional.of(new VolTargeting(0.1, 1)), defaultCap.volTarget());
    }

    @Test
    void riskParityErrorsNameTheKey() {
        assertEquals("config key `strategy.params.halflife` must be absent unless covariance: ewma, got 10 "
                + "(file conf/q.yaml)", error("strategy: {name: risk_parity, params: {method: erc, lookback: 30, "
                + "halflife: 10, schedule: daily}}\n"));
        assertEquals("config key `strategy.params.halflife` is required (file conf/q.yaml)",
                error("strategy: {name: risk_parity, params: {method: erc, lookback: 30, covariance: ewma, schedule: daily}}\n"));
        assertEquals("config key `strategy.params.max_leverage` must be absent unless vol_target, got 2 "
                + "(file conf/q.yaml)", error("strategy: {name: risk_parity, params: {method: erc, lookback: 30, "
                + "max_leverage: 2, schedule: daily}}\n"));
        assertEquals("config key `strategy.params.method` must be one of inverse_vol, erc, got \"hrp\" (file conf/q.yaml)",
                error("strategy: {name: risk_parity, params: {method: hrp, lookback: 30, schedule: daily}}\n"));
        assertEquals("config key `strategy.params.lookback` must be an integer >= 2, got 1 (file conf/q.yaml)",
                error("strategy: {name: risk_parity, params: {method: erc, lookback: 1, schedule: daily}}\n"));
        assertEquals("config key `strategy.params.shrinkage` must be one of none, ledoit_wolf, got \"oas\" "
                + "(file conf/q.yaml)", error("strategy: {name: risk_parity, params: {method: erc, lookback: 9, "
                + "shrinkage: oas, schedule: daily}}\n"));
        assertEquals("unknown config key `strategy.params.lambda` (file conf/q.yaml); accepted keys: method, lookback, "
                + "covariance, halflife, shrinkage, vol_target, max_leverage, schedule, band",
                error("strategy: {name: risk_parity, params: {method: erc, lookback: 9, lambda: 0.9, schedule: daily}}\n"));
    }

    @Test
    void factorFromAYamlList() {
        FactorStrategy f = (FactorStrategy) build("factor", Map.of(
                "factors", List.of(Map.of("name", "mom_30_1"),
                        Map.of("name", "rev_3", "weight", 0.5),
                        Map.of("name", "rvol_20", "weight", 0.25),
                        Map.of("name", "beta_btcusdt_60", "weight", 2)),
                "mode", "long_short", "top_quantile", 0.25, "bottom_quantile", 0.25, "long_ratio", 1, "short_ratio", 0.8,
                "neutral", "beta", "beta_lookback", 40, "beta_index", "BTCUSDT", "schedule", Map.of("every", 7)));
        assertEquals(new FactorStrategy(new CompositeScore(List.of(
                new CompositeScore.Component(FactorRef.of("mom_30_1"), 1),
                new CompositeScore.Component(FactorRef.of("rev_3"), 0.5),
                new CompositeScore.Component(FactorRef.of("rvol_20"), 0.25),
                new CompositeScore.Component(FactorRef.of("beta_btcusdt_60"), 2))),
                new FactorStrategy.LongShort(new Selection.Quantiles(0.25, 0.25), 1, 0.8,
                        Optional.of(new RollingBeta(40, new MarketIndex.Symbol("BTCUSDT")))),
                new RebalanceSchedule.Every(7)), f);
        assertEquals(List.of(FactorRef.of("mom_30_1"), FactorRef.of("rev_3"), FactorRef.of("rvol_20"),
                FactorRef.of("beta_btcusdt_60")), f.requiredFactors());
        FactorStrategy lo = (FactorStrategy) build("factor", Map.of("factors", List.of(Map.of("name", "rvol_10",
                "weight", -1)), "mode", "long_only", "top", 3, "weighting", "score", "schedule", "daily", "band", 0.05));
        assertEquals(new FactorStrategy.LongOnly(new Selection.Counts(3, 0), true), lo.mode());
        assertEquals(new RebalanceRule(0.05, RebalanceMode.TARGET, false), bound("factor", Map.of("factors",
                List.of(Map.of("name", "rvol_10", "weight", -1)), "mode", "long_only", "top", 3, "schedule", "daily",
                "band", 0.05)).rule());
        assertEquals(new RebalanceRule(0.02, RebalanceMode.TARGET, true), bound("risk_parity", Map.of("method", "erc",
                "lookback", 5, "schedule", "threshold", "band", 0.02)).rule());
    }

    @Test
    void factorErrorsNameTheListElement() {
        String head = "strategy: {name: factor, params: {mode: long_short, top: 1, bottom: 1, long_ratio: 1, "
                + "short_ratio: 1, schedule: daily, factors: ";
        assertEquals("config key `strategy.params.factors[1].name`: factor 'rvol_1': realized_volatility.bars must be >= 2, got 1 "
                + "(file conf/q.yaml)", error(head + "[{name: mom_5_0}, {name: rvol_1}]}}\n"));
        assertEquals("config key `strategy.params.factors[0].name`: unknown factor 'value'; accepted: mom_L_S, rev_K, "
                + "rvol_N, rvol_ann_N, dvol_N, liq_N, amihud_N, size_N, beta_<proxy>_N, ivol_<proxy>_N, sma_dist_N, "
                + "high_ratio_N, ram_L_S_N, stab_N, mdd_N, skew_N (file conf/q.yaml)", error(head + "[{name: value}]}}\n"));
        assertEquals("config key `strategy.params.factors[0].weight` must be a non-zero number, got 0 (file conf/q.yaml)",
                error(head + "[{name: rev_2, weight: 0}]}}\n"));
        assertEquals("unknown config key `strategy.params.factors[0].lookback` (file conf/q.yaml); accepted keys: name, "
                + "expr, weight", error(head + "[{name: rev_2, lookback: 2}]}}\n"));
        assertEquals("config key `strategy.params.factors` must be a non-empty list of mappings such as {name: mom_30_1, "
                + "weight: 1}, got [] (file conf/q.yaml)", error(head + "[]}}\n"));
        assertEquals("config key `strategy.params.beta_lookback` is required (file conf/q.yaml)",
                error(head + "[{name: rev_2}], neutral: beta}}\n"));
        assertEquals("unknown config key `strategy.params.bottom` (file conf/q.yaml); accepted keys: factors, mode, top, "
                + "top_quantile, weighting, schedule, band", error("strategy: {name: factor, params: {mode: long_only, "
                + "top: 1, bottom: 1, schedule: daily, factors: [{name: rev_2}]}}\n"));
        assertEquals("config key `strategy.params.mode` is required (file conf/q.yaml)",
                error("strategy: {name: factor, params: {factors: [{name: rev_2}]}}\n"));
    }

    /** The forms before one factor library fail with one line naming their research replacement. */
    @Test
    void oldFactorFormsNameTheirReplacement() {
        String head = "strategy: {name: factor, params: {mode: long_short, top: 1, bottom: 1, long_ratio: 1, "
                + "short_ratio: 1, schedule: daily, factors: ";
        String removed = "config key `strategy.params.factors[0].name`: the factor form {name: %s, ...} was removed (one "
                + "factor library: the research factors' names); %s (file conf/q.yaml)";
        assertEquals(String.format(removed, "momentum", "write `name: mom_60_5` (momentum lookback 60 skip 5)"),
                error(head + "[{name: momentum, lookback: 60, skip: 5}]}}\n"));
        assertEquals(String.format(removed, "momentum", "write `name: mom_20_0` (momentum lookback 20 skip 0)"),
                error(head + "[{name: momentum, lookback: 20}]}}\n"));
        assertEquals(String.format(removed, "reversal", "write `name: rev_3` (reversal lookback 3)"),
                error(head + "[{name: reversal, lookback: 3, weight: 0.5}]}}\n"));
        assertEquals(String.format(removed, "low_vol", "write `{name: rvol_30, weight: -0.25}` (low_vol lookback 30 is "
                + "minus the realized volatility over 30 returns: the weight negated)"),
                error(head + "[{name: low_vol, lookback: 30, weight: 0.25}]}}\n"));
        assertEquals(String.format(removed, "low_vol", "write `{name: rvol_30, weight: -1}` (low_vol lookback 30 is "
                + "minus the realized volatility over 30 returns: the weight negated)"),
                error(head + "[{name: low_vol, lookback: 30}]}}\n"));
        assertEquals(String.format(removed, "feature", "name a research factor (" + io.quantlake.factorspec.FactorName.FORMS
                + ") or a user factor {name, expr}"), error(head + "[{name: feature, feature: carry}]}}\n"));
    }

    /** An entry may carry a user factor expression: passed through unchanged for the Spark side. */
    @Test
    void aFactorExpressionIsPassedThrough() {
        FactorStrategy f = (FactorStrategy) build("factor", Map.of("factors", List.of(Map.of("name", "vol_adj_mom",
                "expr", "close / lag(close, 30) - 1")), "mode", "long_only", "top", 1, "schedule", "daily"));
        assertEquals(List.of(new FactorRef("vol_adj_mom", Optional.of("close / lag(close, 30) - 1"))),
                f.requiredFactors());
    }

    @Test
    void marketNeutralBetaReusesMarketNeutralsParams() {
        Map<String, Object> mn = Map.of("lookback", 30, "skip", 2, "top", 1, "bottom", 1, "long_ratio", 1.0,
                "short_ratio", 0.5, "schedule", Map.of("every", 5));
        BetaNeutralStrategy b = (BetaNeutralStrategy) build("market_neutral_beta", with(mn, Map.of("beta_lookback", 60)));
        assertEquals(new MarketNeutralStrategy(new MomentumScore(30, 2), new Selection.Counts(1, 1), 1.0, 0.5,
                new RebalanceSchedule.Every(5)), b.dollarNeutral());
        assertEquals(new RollingBeta(60, new MarketIndex.EqualWeight()), b.beta());
        assertInstanceOf(MarketNeutralStrategy.class, build("market_neutral_beta", with(mn, Map.of("neutral", "dollar"))));
        // composed from market_neutral's typed binding: the same strategy and rule as market_neutral's own binder
        Map<String, Object> banded = with(mn, Map.of("band", 0.03));
        StrategyBinder.Bound plain = bound("market_neutral", banded);
        StrategyBinder.Bound beta = bound("market_neutral_beta", with(banded, Map.of("beta_lookback", 60)));
        assertEquals(((ConfiguredStrategy.Weight) plain.strategy()).strategy(),
                ((BetaNeutralStrategy) ((ConfiguredStrategy.Weight) beta.strategy()).strategy()).dollarNeutral());
        assertEquals(plain.rule(), beta.rule());
        assertEquals(0.03, beta.rule().band());
        assertEquals("config key `strategy.params.skip` must be an integer in [0, 9], got 10 (file conf/q.yaml)",
                error("strategy: {name: market_neutral_beta, params: {lookback: 10, skip: 10, top: 1, bottom: 1, "
                        + "long_ratio: 1, short_ratio: 1, schedule: daily, beta_lookback: 20}}\n"));
        assertEquals("unknown config key `strategy.params.beta` (file conf/q.yaml); accepted keys: lookback, skip, top, "
                + "bottom, top_quantile, bottom_quantile, long_ratio, short_ratio, schedule, band, neutral, "
                + "beta_lookback, beta_index", error("strategy: {name: market_neutral_beta, params: {beta: 1}}\n"));
        assertEquals("config key `strategy.params.beta_index` must be absent unless neutral: beta, got \"BTCUSDT\" "
                + "(file conf/q.yaml)", error("strategy: {name: market_neutral_beta, params: {neutral: dollar, "
                + "beta_index: BTCUSDT}}\n"));
    }

    @Test
    void betaNeutralNeedsBothBooks() {
        assertEquals("config key `strategy.params.neutral` must be dollar when a book is empty (beta-neutral needs "
                + "long_ratio > 0 and short_ratio > 0, got 1.0, 0.0), got beta (the default) (file conf/q.yaml)",
                error("strategy: {name: market_neutral_beta, params: {lookback: 10, top: 1, bottom: 1, long_ratio: 1, "
                        + "short_ratio: 0, schedule: daily, beta_lookback: 20}}\n"));
        assertEquals("config key `strategy.params.neutral` must be dollar when a book is empty (beta-neutral needs a "
                + "long and a short side, got top_quantile=0.5, bottom_quantile=0.0), got \"beta\" "
                + "(file conf/q.yaml)", error("strategy: {name: factor, params: {mode: long_short, top_quantile: 0.5, "
                + "long_ratio: 1, short_ratio: 1, schedule: daily, neutral: beta, beta_lookback: 20, "
                + "factors: [{name: rev_2}]}}\n"));
    }

    private static Map<String, Object> with(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
