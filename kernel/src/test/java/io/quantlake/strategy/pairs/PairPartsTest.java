package io.quantlake.strategy.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.sim.FundingMissing;
import io.quantlake.sim.SimConfig;
import io.quantlake.sim.Simulator;
import io.quantlake.sim.StrategyInput;
import org.junit.jupiter.api.Test;

/** The small parts: exit levels by side, price scales, pair specs, leg sizing, the usdm rule, instance reuse. */
class PairPartsTest {
    static final SpreadModel MODEL = new SpreadModel(new RollingOlsHedge(3), 2);
    static final PairFeed FEED = new PairFeed(MODEL, 0, 1, PriceScale.LOG);

    @Test
    void exitAndStopLevelsDependOnTheSideOfTheTrade() {
        SpreadCondition shortExit = new SpreadCondition(FEED, SpreadCondition.Kind.EXIT, -1, 0.5);
        SpreadCondition shortStop = new SpreadCondition(FEED, SpreadCondition.Kind.STOP, -1, 3);
        SpreadCondition longExit = new SpreadCondition(FEED, SpreadCondition.Kind.EXIT, 1, 0.5);
        SpreadCondition longStop = new SpreadCondition(FEED, SpreadCondition.Kind.STOP, 1, 3);
        // short spread (entered at z > 0): exit at z <= 0.5, stop at z >= 3
        assertFalse(shortExit.fires(0.51));
        assertTrue(shortExit.fires(0.5));
        assertTrue(shortExit.fires(-2));
        assertFalse(shortStop.fires(2.99));
        assertTrue(shortStop.fires(3));
        assertFalse(shortStop.fires(-3.5));
        // long spread (entered at z < 0): exit at z >= -0.5, stop at z <= -3
        assertFalse(longExit.fires(-0.51));
        assertTrue(longExit.fires(-0.5));
        assertTrue(longStop.fires(-3));
        assertFalse(longStop.fires(3.5));
        assertFalse(longExit.fires(Double.NaN), "a missing bar never fires");
        assertThrows(IllegalArgumentException.class, () -> new SpreadCondition(FEED, SpreadCondition.Kind.EXIT, 0, 1));
    }

    @Test
    void priceScalesAndPairSpecs() {
        assertEquals(Math.log(8), PriceScale.LOG.apply(8), 0);
        assertEquals(8, PriceScale.RAW.apply(8), 0);
        assertTrue(Double.isNaN(PriceScale.LOG.apply(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> PriceScale.LOG.apply(0));
        assertEquals(PriceScale.RAW, PriceScale.parse("raw"));
        assertEquals("price must be log or raw, got 'ln'",
                assertThrows(IllegalArgumentException.class, () -> PriceScale.parse("ln")).getMessage());
        assertEquals(new PairSpec("BCHUSDT", "LTCUSDT"), PairSpec.parse("BCHUSDT/LTCUSDT"));
        assertThrows(IllegalArgumentException.class, () -> PairSpec.parse("BCHUSDT/BCHUSDT"));
        assertThrows(IllegalArgumentException.class, () -> PairSpec.parse("A/B/C"));
    }

    @Test
    void legSizing() {
        assertEquals(0.3, LegSizing.DOLLAR_NEUTRAL.xWeight(0.3, 1.7), 0);
        assertEquals(0.3 * 1.7, LegSizing.BETA_NEUTRAL.xWeight(0.3, 1.7), 1e-15);
        assertEquals(0.3 * 0.5, LegSizing.BETA_NEUTRAL.xWeight(0.3, -0.5), 1e-15);
    }

    @Test
    void spotIsRejected() {
        assertEquals("strategy pair_trading needs market usdm (each trade shorts one leg; in spot only the long leg "
                + "could be opened)", assertThrows(IllegalArgumentException.class,
                        () -> PairTradingStrategy.requireUsdm(Market.SPOT)).getMessage());
        PairTradingStrategy.requireUsdm(Market.USDM);
    }

    /** One instance runs two backtests in a row with the same result: it resets when the bars start again. */
    @Test
    void anInstanceResetsBetweenRuns() {
        double[] plant = new double[60];
        plant[45] = 0.005;
        plant[47] = -0.0025;
        Panel p = PairFixtures.panel(plant);
        PairTradingStrategy s = new PairTradingStrategy(PairFixtures.params(0, 0, 1, OnBreak.HOLD));
        SimConfig c = SimConfig.builder(Market.USDM, 1000).fundingMissing(FundingMissing.ZERO).build();
        var first = Simulator.run(p, c, StrategyInput.signals(s)).ledger().events();
        var second = Simulator.run(p, c, StrategyInput.signals(s)).ledger().events();
        assertFalse(first.isEmpty());
        assertEquals(first, second);
        assertEquals(1, s.selection().size());
    }
}
