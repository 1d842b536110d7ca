package io.quantlake.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Interval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The factor model without Spark: names, warm-ups, validation, name parsing, composites, engine wiring. */
class FactorModelTest {

    @Test
    void warmupsCountTheOwnBarsEachFormulaReads() {
        assertEquals(31, new Momentum(30, 1).warmup(), "close_{t-30} is the 31st bar back including t");
        assertEquals(6, new Reversal(5).warmup());
        assertEquals(21, new RealizedVolatility(20).warmup(), "20 returns need 21 closes");
        assertEquals(20, new Liquidity(20).warmup(), "quote volume needs no previous bar");
        assertEquals(61, new RiskAdjustedMomentum(60, 5, 20).warmup(), "max(60, 20) + 1");
        assertEquals(31, new Beta(30, MarketProxy.btc()).warmup());
        assertEquals(61, Composite.of("c", new Momentum(60, 5), 1.0).plus(new Liquidity(20), 1.0).warmup());
    }

    @Test
    void rollingHighSpansCalendarDaysOfTheInterval() {
        assertEquals(365, RatioToRollingHigh.overDays(365, Interval.D1).bars());
        assertEquals(2190, RatioToRollingHigh.overDays(365, Interval.H4).bars(), "6 bars a day");
        assertEquals(53, RatioToRollingHigh.overDays(365, Interval.W1).bars(), "365/7 = 52.14, rounded up");
    }

    @Test
    void everyNameParsesBackToItsFactor() {
        for (Factor f : FactorEngineTest.FACTORS) {
            if (f instanceof UserFactor u) { // a user factor's name is never of a built-in form
                assertFalse(FactorNames.hasBuiltInForm(u.name()), u.name());
            } else {
                assertEquals(f, FactorNames.parse(f.name()), f.name());
            }
        }
        Factor shib = new Beta(30, new MarketProxy.SymbolProxy("1000SHIBUSDT"));
        assertEquals("beta_1000shibusdt_30", shib.name());
        assertEquals(shib, FactorNames.parse(shib.name()));
        assertEquals(new RatioToRollingHigh(365), FactorNames.parse("high_ratio_365"));
        assertEquals(new RealizedVolatility(20, true), FactorNames.parse("rvol_ann_20"));
    }

    @Test
    void badNamesAndParametersAreRejectedWithTheValue() {
        IllegalArgumentException skip = assertThrows(IllegalArgumentException.class, () -> FactorNames.parse("mom_5_5"));
        assertEquals("factor 'mom_5_5': momentum.lookback must be >= 6, got 5", skip.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> FactorNames.parse("momentum_20"));
        assertTrue(unknown.getMessage().startsWith("unknown factor 'momentum_20'; accepted: mom_L_S"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FactorNames.parse("rvol_020"), "not the canonical name");
        assertThrows(IllegalArgumentException.class, () -> FactorNames.parse("mom_10_2_3"));
        assertThrows(IllegalArgumentException.class, () -> new RealizedVolatility(1));
        assertThrows(IllegalArgumentException.class, () -> new MarketProxy.SymbolProxy("BTC-USDT"));
        assertThrows(IllegalArgumentException.class, () -> FactorFrame.trailing(0));
        assertThrows(IllegalArgumentException.class, () -> CrossSection.perTimestamp().winsorizeQuantile(
                org.apache.spark.sql.functions.col("x"), 0.5));
        assertThrows(IllegalArgumentException.class, () -> CrossSection.perTimestamp().winsorizeZ(
                org.apache.spark.sql.functions.col("x"), 0.0));
    }

    @Test
    void compositesValidateNamesComponentsAndWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("mom_30_1", 1.0);
        weights.put("rvol_20", -0.5);
        Composite c = FactorNames.composite("quality_momentum", weights);
        assertEquals(List.of(new Composite.Component(new Momentum(30, 1), 1.0),
                new Composite.Component(new RealizedVolatility(20), -0.5)), c.components());
        assertThrows(IllegalArgumentException.class, () -> Composite.of("Bad-Name", new Reversal(3), 1.0));
        assertThrows(IllegalArgumentException.class, () -> Composite.of("c", new Reversal(3), 0.0));
        assertThrows(IllegalArgumentException.class, () -> Composite.of("c", new Reversal(3), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Composite.of("c", new Reversal(3), 1.0).plus(new Reversal(3), 2.0));
    }

    @Test
    void engineAddsCompositeComponentsAndRejectsNameClashes() {
        Composite c = Composite.of("combo", new Momentum(10, 2), 1.0).plus(new Skewness(9), 1.0);
        FactorEngine engine = new FactorEngine(List.of(new Skewness(9), new Liquidity(5)), List.of(c));
        assertEquals(List.of("skew_9", "liq_5", "mom_10_2", "combo"), engine.names());
        assertThrows(IllegalArgumentException.class, () -> FactorEngine.of(new Liquidity(5), new Liquidity(5)));
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> new FactorEngine(List.of(new Liquidity(5)), List.of(Composite.of("liq_5", new Reversal(3), 1.0))));
        assertTrue(clash.getMessage().contains("liq_5"), clash.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FactorEngine(List.of(), List.of()));
    }
}
