package io.quantlake.sim;

import static io.quantlake.sim.Fixtures.DAY;
import static io.quantlake.sim.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.market.Market;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.strategy.reference.SmaCrossTpslStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link LegacyEventLoop} (which skips quiet bars, with the prepared deciders of the SMA lane pass)
 * gives exactly the plain rule path's run ({@link BarLoop} at every bar, {@code decide} at every
 * valid bar): the same ledger rows, the same six equity columns bit for bit, the same R20 warnings
 * in the same order.
 * Panels: several symbols with late listings, gaps and delistings, OHLC bars whose high and low
 * often touch the TP/SL levels, closes on a coarse grid (so SMAs often tie and the R20 exact
 * check and its warnings run), both execution prices, costs and order filters, and panels whose
 * open sometimes lies outside the bar's low–high range (hand-made data; the TP/SL scan then reads
 * the open as well).
 */
class LegacyEventLoopTest {

    @Property(tries = 300)
    void eventLoopEqualsBarLoop(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int symbols,
                                @ForAll @IntRange(min = 1, max = 3) int maxPositions, @ForAll boolean atClose,
                                @ForAll boolean costs, @ForAll boolean coarse, @ForAll boolean openOutside) {
        Random r = new Random(seed);
        int bars = 40 + r.nextInt(300);
        String[] names = new String[symbols];
        for (int i = 0; i < symbols; i++) {
            names[i] = "S" + i + "USDT";
        }
        PanelBuilder b = Fixtures.daily(names);
        for (int i = 0; i < symbols; i++) {
            int first = r.nextInt(4) == 0 ? r.nextInt(bars / 2) : 0;
            int last = r.nextInt(3) == 0 ? first + r.nextInt(bars - first) : bars - 1;
            double gapRate = r.nextInt(3) == 0 ? 0.1 : 0;
            double c = coarse ? 3 : 100;
            for (int t = first; t <= last; t++) {
                // coarse: closes on a 0.1 grid (decimal, not binary), so SMAs tie exactly in decimals
                double step = coarse ? 0.1 * (r.nextInt(5) - 2) : c * 0.02 * r.nextGaussian();
                double o = Math.max(1, coarse ? c + 0.1 * (r.nextInt(3) - 1) : c * (1 + 0.01 * r.nextGaussian()));
                c = Math.max(1, coarse ? Math.round((c + step) * 10) / 10.0 : c + step);
                double h = Math.max(o, c) * (1 + 0.02 * r.nextDouble());
                double l = Math.min(o, c) * (1 - 0.02 * r.nextDouble());
                if (openOutside && r.nextInt(5) == 0) {
                    // a hand-made panel whose open lies outside the bar's range: the scan reads the open too
                    o = r.nextBoolean() ? h * 1.01 : l * 0.99;
                }
                if (t == first || t == last || r.nextDouble() >= gapRate) {
                    b.bar(names[i], T0 + t * DAY, o, h, l, c, 1);
                }
            }
        }
        Panel panel = b.build();
        SimConfig.Builder cb = SimConfig.builder(Market.SPOT, 10_000)
                .executionPrice(atClose ? ExecutionPrice.CLOSE : ExecutionPrice.NEXT_OPEN);
        if (costs) {
            cb.costs(5, 2, 3).filters(Map.of(names[0], new SymbolFilter(0.001, 5)));
        }
        SimConfig config = cb.build();
        int fast = 1 + r.nextInt(6);
        int slow = 1 + r.nextInt(12);
        double tp = 0.01 + 0.05 * r.nextDouble();
        double sl = 0.01 + 0.05 * r.nextDouble();
        List<String> everyBarWarnings = new ArrayList<>();
        List<String> eventWarnings = new ArrayList<>();
        StrategyInput.Legacy everyBar = StrategyInput.legacy(
                new SmaCrossTpslStrategy(fast, slow, tp, sl, maxPositions, everyBarWarnings::add), maxPositions);
        StrategyInput.Legacy events = StrategyInput.legacy(
                new SmaCrossTpslStrategy(fast, slow, tp, sl, maxPositions, eventWarnings::add), maxPositions);
        assertTrue(LegacyEventLoop.applies(new SimState(panel, config), events));

        BacktestResult expected = Simulator.run(panel, config, everyBar, null, false);
        BacktestResult actual = Simulator.run(panel, config, events);

        assertEquals(expected.ledger().events(), actual.ledger().events());
        assertArrayEquals(expected.equity(), actual.equity());
        assertArrayEquals(expected.cash(), actual.cash());
        assertArrayEquals(expected.gross(), actual.gross());
        assertArrayEquals(expected.net(), actual.net());
        assertArrayEquals(expected.leverage(), actual.leverage());
        assertArrayEquals(expected.invested(), actual.invested());
        assertEquals(everyBarWarnings, eventWarnings);
        Statistics.label("ledger rows").collect(expected.ledger().size() == 0 ? "0" : expected.ledger().size() < 10 ? "1-9" : ">=10");
        Statistics.label("warnings").collect(!everyBarWarnings.isEmpty());
    }
}
