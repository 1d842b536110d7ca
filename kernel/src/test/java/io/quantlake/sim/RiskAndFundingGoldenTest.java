package io.quantlake.sim;

import static io.quantlake.sim.Fixtures.DAY;
import static io.quantlake.sim.Fixtures.T0;
import static io.quantlake.sim.Fixtures.daily;
import static io.quantlake.sim.Fixtures.flat;
import static io.quantlake.sim.Fixtures.row;
import static io.quantlake.sim.Fixtures.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden cases for liquidation (§3, R26), the circuit breaker (§9) and funding (§8, R3, R4, R16). */
class RiskAndFundingGoldenTest {
    private static void near(double expected, double actual) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void liquidationClosesEverythingAtTheClose() {
        // usdm, max_leverage 5: q = 5 * 1000 / 100 = 50, cash = 1000 - 5000 = -4000.
        // Bar 1 close 82: E = -4000 + 50*82 = 100 <= 0.1 * G = 0.1 * 4100 = 410 -> LIQUIDATION at 82, cash 100.
        Panel p = flat(daily("A"), "A", 0, 100, 82, 90).build();
        BacktestResult r = Simulator.run(p, Fixtures.usdmClose().maxLeverage(5).maintenanceMargin(0.1).build(),
                StrategyInput.weights(weights(row(5), null, null)));
        Ledger l = r.ledger();
        assertEquals(2, l.size());
        assertEquals(TradeEventType.LIQUIDATION, l.type(1));
        assertEquals(Reason.LIQUIDATION, l.reason(1));
        assertEquals(T0 + DAY, l.time(1));
        near(-50, l.qty(1));
        near(82, l.price(1));
        near(100, r.equity()[1]); // §12.4: the equity row shows the state after it
        near(0, r.gross()[1]);
        near(100, r.equity()[2]);
    }

    @Test
    void circuitBreakerClosesAtTheNextExecutionAndRefusesEntriesDuringCooldown() {
        // Bar 0: q = 100 at 10. Bar 1 close 7: E = 700, drawdown 0.3 >= 0.2 -> trip at bar 1 (cooldown 2: bars 2, 3).
        // Bar 2 (close execution): CLOSE reason circuit_breaker at 7; the decisions at bars 2 and 3 are refused.
        // Bar 3 ends the cooldown: peak := 700. Bar 4: the target 1 buys 100 at 7 again; no new trip (drawdown 0).
        Panel p = flat(daily("A"), "A", 0, 10, 7, 7, 7, 7, 7).build();
        SimConfig c = Fixtures.spotClose().circuitBreaker(new CircuitBreaker(0.2, Double.NaN, 2)).build();
        BacktestResult r = Simulator.run(p, c, StrategyInput.weights(weights(row(1), row(1), row(1), row(1),
                row(1), row(1))));
        Ledger l = r.ledger();
        assertEquals(3, l.size());
        assertEquals(TradeEventType.CLOSE, l.type(1));
        assertEquals(Reason.CIRCUIT_BREAKER, l.reason(1));
        assertEquals(T0 + 2 * DAY, l.time(1));
        near(-100, l.qty(1));
        assertEquals(TradeEventType.OPEN, l.type(2));
        assertEquals(T0 + 4 * DAY, l.time(2));
        near(100, l.qty(2));
    }

    @Test
    void circuitBreakerOnOneBarsLossWithNextOpen() {
        // max_bar_loss 0.1: bar 0 decides, bar 1 opens at 10 (q = 100); bar 1 close 8: loss 1 - 800/1000 = 0.2 -> trip;
        // bar 2's open 8: CLOSE circuit_breaker. Cooldown 1 (bar 2): bar 2's decision would fill at bar 3's open: allowed.
        Panel p = Fixtures.bars(daily("A"), "A", 0, Fixtures.ohlc(10, 10, 10, 10), Fixtures.ohlc(10, 10, 8, 8),
                Fixtures.ohlc(8, 8, 8, 8), Fixtures.ohlc(8, 8, 8, 8), Fixtures.ohlc(8, 8, 8, 8)).build();
        SimConfig c = SimConfig.builder(Market.SPOT, 1000).circuitBreaker(new CircuitBreaker(Double.NaN, 0.1, 1)).build();
        BacktestResult r = Simulator.run(p, c, StrategyInput.weights(weights(row(1), null, row(1), null, null)));
        Ledger l = r.ledger();
        assertEquals(3, l.size());
        assertEquals(Reason.CIRCUIT_BREAKER, l.reason(1));
        assertEquals(T0 + 2 * DAY, l.time(1));
        near(8, l.price(1));
        assertEquals(T0 + 3 * DAY, l.time(2));
        assertEquals(TradeEventType.OPEN, l.type(2));
    }

    private static Panel fundingPanel() {
        return flat(daily("A"), "A", 0, 10, 10, 10).build();
    }

    private static SimConfig fundingConfig() {
        // Two funding times inside bar 1 ([day 1, day 2)), none in bar 0 (the position opens at bar 0's close).
        long[] times = {T0 + DAY + 8 * 3_600_000L, T0 + DAY + 16 * 3_600_000L};
        FundingSchedule f = new FundingSchedule(times, new double[] {0.0001, -0.0002}, new double[] {11, Double.NaN});
        return Fixtures.usdmClose().fundingMissing(FundingMissing.ERROR).funding(Map.of("A", f)).build();
    }

    @Test
    void fundingLongPaysAPositiveRate() {
        // q = 100 long; mark = bar 1's close 10 (§12.3/R4): rows -100*10*0.0001 = -0.1, then -100*10*(-0.0002) = +0.2.
        BacktestResult r = Simulator.run(fundingPanel(), fundingConfig(),
                StrategyInput.weights(weights(row(1), null, null)));
        Ledger l = r.ledger();
        assertEquals(3, l.size());
        assertEquals(TradeEventType.FUNDING, l.type(1));
        assertEquals(Reason.FUNDING, l.reason(1));
        assertEquals(T0 + DAY, l.time(1));
        assertEquals(0.0, l.qty(1));
        near(10, l.price(1));
        near(-0.1, l.cashFlow(1));
        near(100, l.positionAfter(1));
        near(0.2, l.cashFlow(2));
        near(1000.1, r.equity()[1]);
    }

    @Test
    void fundingShortReceivesAPositiveRate() {
        // q = -100: -(-100)*10*0.0001 = +0.1, then -(-100)*10*(-0.0002) = -0.2.
        BacktestResult r = Simulator.run(fundingPanel(), fundingConfig(),
                StrategyInput.weights(weights(row(-1), null, null)));
        Ledger l = r.ledger();
        assertEquals(PositionSide.SHORT, l.side(1));
        near(0.1, l.cashFlow(1));
        near(-0.2, l.cashFlow(2));
    }

    @Test
    void fundingAtTheRecordsMarkWhenAsked() {
        // FundingMark.RECORD_MARK (§8 literal): first record has mark 11: -100*11*0.0001 = -0.11; second has none: close 10.
        SimConfig c = fundingConfig().toBuilder().fundingMark(FundingMark.RECORD_MARK).build();
        Ledger l = Simulator.run(fundingPanel(), c, StrategyInput.weights(weights(row(1), null, null))).ledger();
        near(-0.11, l.cashFlow(1));
        near(0.2, l.cashFlow(2));
    }

    @Test
    void missingFundingIsAnErrorNamingTheSymbolAndTheWindow() {
        SimConfig c = Fixtures.usdmClose().fundingMissing(FundingMissing.ERROR).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Simulator.run(fundingPanel(), c,
                StrategyInput.weights(weights(row(1), null, null))));
        assertTrue(e.getMessage().contains("A"), e.getMessage());
        assertTrue(e.getMessage().contains("2024-01-01T00:00:00Z, 2024-01-04T00:00:00Z"), e.getMessage());
        assertTrue(e.getMessage().contains("2024-01-02T00:00:00Z"), e.getMessage()); // first bar held at the funding step
        // funding.missing: zero charges nothing.
        BacktestResult zero = Simulator.run(fundingPanel(), Fixtures.usdmClose().build(),
                StrategyInput.weights(weights(row(1), null, null)));
        assertEquals(1, zero.ledger().size());
    }

    @Test
    void nonPositiveEquityDropsTheBarsWeightOrders() {
        // R13, next_open: bar 0 decides -1 -> bar 1's open 10: q = -100, cash 2000. Bar 1 decides -0.5.
        // Bar 2 opens at 25: E' = 2000 - 100*25 = -500 <= 0 -> the order is dropped (no REBALANCE row);
        // bar 2's close 25: E = -500 <= 0 * G -> LIQUIDATION (R26).
        Panel p = Fixtures.bars(daily("A"), "A", 0, Fixtures.ohlc(10, 10, 10, 10), Fixtures.ohlc(10, 10, 10, 10),
                Fixtures.ohlc(25, 25, 25, 25)).build();
        SimConfig c = SimConfig.builder(Market.USDM, 1000).fundingMissing(FundingMissing.ZERO).maintenanceMargin(0).build();
        BacktestResult r = Simulator.run(p, c, StrategyInput.weights(weights(row(-1), row(-0.5), null)));
        Ledger l = r.ledger();
        assertEquals(2, l.size());
        near(-100, l.qty(0));
        assertEquals(TradeEventType.LIQUIDATION, l.type(1));
        near(100, l.qty(1));
        near(-500, r.equity()[2]);
    }
}
