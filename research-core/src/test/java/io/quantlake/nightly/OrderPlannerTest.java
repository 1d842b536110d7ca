package io.quantlake.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.sim.SymbolFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OrderPlanner} without Spark: band, rounding to the lot step, minimum notional, closes, schedules. */
class OrderPlannerTest {
    private static final String[] SYMBOLS = {"AAA", "BBB", "CCC"};
    private static final double[] PRICES = {100, 20, 4};
    private static final SymbolFilter[] NO_FILTERS = {SymbolFilter.NONE, SymbolFilter.NONE, SymbolFilter.NONE};
    private static final RebalanceRule BAND_5 = new RebalanceRule(0.05, RebalanceMode.TARGET, false);

    /** Equity 10 000: AAA 40 units = 0.4, BBB 100 units = 0.2, CCC 0, cash 4 000. */
    private static Holdings holdings() {
        return new Holdings(SYMBOLS, PRICES, new double[] {40, 100, 0}, 4_000);
    }

    @Test
    void symbolsInsideTheBandDoNotTradeAndOthersGoToTheirTargets() {
        RebalancePlan plan = OrderPlanner.plan(holdings(), new double[] {0.43, 0.1, 0.3}, BAND_5, true, NO_FILTERS);
        assertEquals(10_000, plan.equity(), 1e-9);
        assertEquals(0.4, plan.current()[0], 1e-12);
        assertEquals(0.4, plan.planned()[0], 1e-12, "|0.43 - 0.40| < band: no trade");
        assertEquals(2, plan.orders().size());
        RebalanceOrder sell = plan.orders().get(0);
        RebalanceOrder buy = plan.orders().get(1);
        assertEquals(new RebalanceOrder("BBB", RebalanceOrder.Side.SELL, 50, 20, 1_000, RebalanceOrder.Reason.TO_TARGET,
                RebalanceOrder.Filters.UNKNOWN),
                round(sell));
        assertEquals(new RebalanceOrder("CCC", RebalanceOrder.Side.BUY, 750, 4, 3_000, RebalanceOrder.Reason.OPEN,
                RebalanceOrder.Filters.UNKNOWN), round(buy));
        assertEquals(0.1 + 0.3, plan.turnover(), 1e-12);
    }

    @Test
    void quantitiesRoundTowardZeroToTheLotStepAndSmallOrdersAreSkipped() {
        SymbolFilter[] filters = {new SymbolFilter(0.001, 5), new SymbolFilter(1, 5), new SymbolFilter(0.1, 50)};
        // AAA wants +0.0123456 * 10000 / 100 = 1.23456 units -> 1.234; BBB wants -0.006 * 10000 / 20 = -3 units but
        // notional 60 >= 5 so it trades (band 0); CCC wants 0.004 * 10000 / 4 = 10 units, notional 40 < 50: skipped.
        RuleAndTargets r = new RuleAndTargets(RebalanceRule.NONE, new double[] {0.4123456, 0.194, 0.004});
        RebalancePlan plan = OrderPlanner.plan(holdings(), r.targets, r.rule, true, filters);
        assertEquals(List.of("BBB", "AAA"), plan.orders().stream().map(RebalanceOrder::symbol).toList(), "sells first");
        assertEquals(3, plan.orders().get(0).quantity(), 0);
        assertEquals(1.234, plan.orders().get(1).quantity(), 0, "exact decimal multiple of the step");
        assertEquals(1, plan.skipped().size());
        SkippedTrade skipped = plan.skipped().get(0);
        assertEquals("CCC", skipped.symbol());
        assertEquals("below_min_notional", skipped.why());
        assertEquals(40, skipped.notional(), 1e-9);
    }

    @Test
    void eachOrderSaysWhetherItsSymbolsFiltersWereKnown() {
        // AAA: step 0.01 and min notional 50 known; BBB: nothing known; CCC: only the step known
        SymbolFilter[] filters = {new SymbolFilter(0.01, 50), SymbolFilter.NONE, new SymbolFilter(1, Double.NaN)};
        // AAA wants +0.0123456 * 10000 / 100 = 1.23456 -> 1.23 (notional 123 >= 50); BBB wants -0.0123456 * 10000 / 20
        // = -6.1728 units, unrounded; CCC wants 0.0123456 * 10000 / 4 = 30.864 -> 30
        RebalancePlan plan = OrderPlanner.plan(holdings(), new double[] {0.4123456, 0.1876544, 0.0123456},
                RebalanceRule.NONE, true, filters);
        assertEquals(List.of(
                new RebalanceOrder("BBB", RebalanceOrder.Side.SELL, 6.1728, 20, 123.456, RebalanceOrder.Reason.TO_TARGET,
                        RebalanceOrder.Filters.UNKNOWN),
                new RebalanceOrder("AAA", RebalanceOrder.Side.BUY, 1.23, 100, 123, RebalanceOrder.Reason.TO_TARGET,
                        RebalanceOrder.Filters.EXCHANGE),
                new RebalanceOrder("CCC", RebalanceOrder.Side.BUY, 30, 4, 120, RebalanceOrder.Reason.OPEN,
                        RebalanceOrder.Filters.PARTIAL)),
                plan.orders().stream().map(OrderPlannerTest::round).toList());

        RebalancePlan small = OrderPlanner.plan(holdings(), new double[] {0.404, 0.2, 0}, RebalanceRule.NONE, true,
                filters);
        assertTrue(small.orders().isEmpty(), "AAA's 0.4 units = 40 USDT are below its 50 minimum: " + small.orders());
        assertEquals("below_min_notional", small.skipped().get(0).why());
    }

    @Test
    void aTradeSmallerThanOneStepIsSkipped() {
        SymbolFilter[] filters = {new SymbolFilter(1, Double.NaN), SymbolFilter.NONE, SymbolFilter.NONE};
        RebalancePlan plan = OrderPlanner.plan(holdings(), new double[] {0.405, 0.2, 0}, RebalanceRule.NONE, true,
                filters);
        assertTrue(plan.orders().isEmpty(), plan.orders().toString());
        assertEquals("below_step", plan.skipped().get(0).why());
        assertEquals(0.5, plan.skipped().get(0).quantity(), 1e-9);
    }

    @Test
    void aZeroTargetClosesTheWholePositionUnrounded() {
        SymbolFilter[] filters = {SymbolFilter.NONE, new SymbolFilter(7, 1e9), SymbolFilter.NONE};
        RebalancePlan plan = OrderPlanner.plan(holdings(), new double[] {0.4, 0, 0}, BAND_5, true, filters);
        assertEquals(List.of(new RebalanceOrder("BBB", RebalanceOrder.Side.SELL, 100, 20, 2_000, RebalanceOrder.Reason.CLOSE,
                RebalanceOrder.Filters.EXCHANGE)),
                plan.orders(), "closing ignores the step and the minimum notional");
    }

    @Test
    void noOpinionKeepsTheCurrentWeight() {
        RebalancePlan plan = OrderPlanner.plan(holdings(), new double[] {Double.NaN, Double.NaN, Double.NaN}, BAND_5, true,
                NO_FILTERS);
        assertTrue(plan.orders().isEmpty());
        assertEquals(0.2, plan.targets()[1], 1e-12);
    }

    @Test
    void bandEdgeTradesOnlyToTheNearEdge() {
        RebalanceRule edge = new RebalanceRule(0.05, RebalanceMode.BAND_EDGE, false);
        RebalancePlan plan = OrderPlanner.plan(holdings(), new double[] {0.4, 0.1, 0.3}, edge, true, NO_FILTERS);
        // BBB 0.2 -> 0.15 (edge of [0.05, 0.15]); CCC 0 -> 0.25
        assertEquals(0.15, plan.planned()[1], 1e-12);
        assertEquals(0.25, plan.planned()[2], 1e-12);
        assertEquals(RebalanceOrder.Reason.TO_BAND_EDGE, plan.orders().get(0).reason());
        assertEquals(25, plan.orders().get(0).quantity(), 1e-9);
        assertEquals(625, plan.orders().get(1).quantity(), 1e-9);
    }

    @Test
    void thresholdScheduleTradesEverySymbolOnceOneIsOutsideItsBand() {
        RebalanceRule threshold = new RebalanceRule(0.05, RebalanceMode.TARGET, true);
        RebalancePlan all = OrderPlanner.plan(holdings(), new double[] {0.42, 0.2, 0.1}, threshold, true, NO_FILTERS);
        assertEquals(List.of("AAA", "CCC"), all.orders().stream().map(RebalanceOrder::symbol).toList(),
                "CCC is outside: AAA (inside) trades too");
        RebalancePlan none = OrderPlanner.plan(holdings(), new double[] {0.42, 0.2, 0.04}, threshold, true, NO_FILTERS);
        assertTrue(none.orders().isEmpty(), "every symbol inside its band: nothing trades");
    }

    @Test
    void roundToStepIsExactAndTowardZero() {
        assertEquals(0.3, OrderPlanner.roundToStep(0.3, 0.1), 0, "0.3/0.1 = 2.9999999999999996 still rounds to 3 steps");
        assertEquals(0.123, OrderPlanner.roundToStep(0.1239, 0.001), 0);
        assertEquals(5, OrderPlanner.roundToStep(5.99, 1), 0);
        assertEquals(5.99, OrderPlanner.roundToStep(5.99, Double.NaN), 0);
    }

    @Test
    void nonPositiveEquityIsAnError() {
        Holdings broke = new Holdings(SYMBOLS, PRICES, new double[] {0, 0, 0}, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OrderPlanner.plan(broke, new double[] {0.5, 0, 0}, BAND_5, true, NO_FILTERS));
        assertTrue(e.getMessage().contains("equity"), e.getMessage());
    }

    private record RuleAndTargets(RebalanceRule rule, double[] targets) {
    }

    /** {@code o} with quantity and notional rounded to 1e-9 (floating point of (w - cw) * E / p). */
    private static RebalanceOrder round(RebalanceOrder o) {
        return new RebalanceOrder(o.symbol(), o.side(), Math.round(o.quantity() * 1e9) / 1e9, o.price(),
                Math.round(o.notional() * 1e9) / 1e9, o.reason(), o.filters());
    }
}
