package io.quantlake.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEvent;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.panel.Panel;
import io.quantlake.panel.PanelBuilder;
import io.quantlake.risk.RiskRule;
import io.quantlake.risk.RiskRules;
import io.quantlake.sim.Fixtures;
import io.quantlake.strategy.Signal;
import io.quantlake.strategy.SignalStrategy;
import io.quantlake.strategy.reference.SmaCrossTpslStrategy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The risk caps on the signal path: entries shrink first, then held lots are trimmed with risk_<rule> rows. */
class SignalRiskGateTest {
    /** AAA doubles from 100 to 200 over bars 0..20 then stays; BBB and CCC stay at 50. Flat daily bars. */
    private static Panel panel() {
        PanelBuilder b = Fixtures.daily("AAA", "BBB", "CCC");
        double[] a = new double[30];
        double[] c = new double[30];
        for (int t = 0; t < 30; t++) {
            a[t] = 100 + 5 * Math.min(t, 20);
            c[t] = 50;
        }
        Fixtures.flat(b, "AAA", 0, a);
        Fixtures.flat(b, "BBB", 0, c);
        Fixtures.flat(b, "CCC", 0, c);
        return b.build();
    }

    private static SignalStrategy script(Map<Integer, List<Signal>> byBar) {
        return (snapshot, state) -> byBar.getOrDefault(snapshot.bar(), List.of());
    }

    private static Signal open(String symbol, double weight) {
        return Signal.open(symbol, Signal.Side.LONG, new Signal.Weight(weight), List.of());
    }

    @Test
    void anEntryAboveTheAssetCapIsCutToIt() {
        ManagedRun run = AdvancedPortfolioManager.builder().risk(RiskRules.NONE.withMaxWeight(0.3)).build()
                .run(panel(), Fixtures.spotClose().build(), script(Map.of(2, List.of(open("BBB", 0.8)))));
        List<TradeEvent> rows = run.result().ledger().events();
        assertEquals(1, rows.size());
        assertEquals(0.3, rows.get(0).qty() * rows.get(0).price() / 1000, 1e-12);
        assertEquals(1L, run.report().cappedTargets().get(Reason.RISK_ASSET_CAP.code()));
        assertEquals(0L, run.report().totalInterventions(), "an entry cut is not a ledger intervention");
    }

    @Test
    void aLotThatDriftedAboveTheCapIsTrimmedAtTheNextDecision() {
        Map<Integer, List<Signal>> script = new HashMap<>();
        script.put(0, List.of(open("AAA", 0.3)));
        script.put(20, List.of(open("BBB", 0.1)));
        ManagedRun run = AdvancedPortfolioManager.builder().risk(RiskRules.NONE.withMaxWeight(0.3)).build()
                .run(panel(), Fixtures.spotClose().build(), script(script));
        List<TradeEvent> rows = run.result().ledger().events();
        // bar 0: 3 AAA at 100 (cash 700); bar 20: AAA at 200, E = 700 + 600 = 1300, weight 600/1300 > 0.3
        double e = 1300;
        TradeEvent trim = rows.stream().filter(r -> r.reason() == Reason.RISK_ASSET_CAP).findFirst().orElseThrow();
        assertEquals(TradeEventType.PARTIAL_CLOSE, trim.type());
        assertEquals("AAA", trim.symbol());
        assertEquals(-(600 / e - 0.3) * e / 200, trim.qty(), 1e-9);
        assertEquals(0.3, trim.positionAfter() * 200 / e, 1e-12);
        assertEquals(1L, run.report().riskInterventions().get(Reason.RISK_ASSET_CAP.code()));
        assertTrue(rows.stream().anyMatch(r -> r.symbol().equals("BBB") && r.type() == TradeEventType.OPEN));
    }

    @Test
    void aLegacyStrategyNeverHoldsMoreThanMaxPositions() {
        Random rnd = new Random(8);
        String[] names = {"AAA", "BBB", "CCC", "DDD", "EEE"};
        PanelBuilder b = Fixtures.daily(names);
        for (String name : names) {
            double[] c = new double[300];
            double v = 100;
            for (int t = 0; t < c.length; t++) {
                c[t] = v;
                v *= 1 + 0.03 * rnd.nextGaussian();
            }
            Fixtures.flat(b, name, 0, c);
        }
        Panel p = b.build();
        SmaCrossTpslStrategy sma = new SmaCrossTpslStrategy(3, 8, 0.2, 0.1, 5, w -> { });
        ManagedRun run = AdvancedPortfolioManager.builder().risk(RiskRules.NONE.withMaxPositions(2)).build()
                .run(p, Fixtures.spotClose().build(), sma, 5);
        Map<String, Double> held = new HashMap<>();
        List<TradeEvent> rows = run.result().ledger().events();
        int maxHeld = 0;
        for (int k = 0; k < rows.size(); k++) {
            held.put(rows.get(k).symbol(), rows.get(k).positionAfter());
            if (k + 1 == rows.size() || rows.get(k + 1).time() != rows.get(k).time()) {
                maxHeld = Math.max(maxHeld, (int) held.values().stream().filter(q -> q != 0).count());
            }
        }
        assertTrue(rows.size() > 10, "the walk must trade");
        assertEquals(2, maxHeld, "at most (and at some point exactly) two positions");
        assertTrue(run.report().cappedTargets().get(RiskRule.MAX_POSITIONS.reason().code()) > 0);
    }

    /**
     * Random OPEN LONG/SHORT and CLOSE streams on random walks (usdm, fills at the close, no costs): after the
     * fills of every bar where the strategy decided, the book meets every cap.
     */
    @Property(tries = 300)
    void capsHoldAfterEveryDecision(@ForAll long seed) {
        Random rnd = new Random(seed);
        String[] names = {"AAA", "BBB", "CCC", "DDD"};
        int bars = 80;
        PanelBuilder b = Fixtures.daily(names);
        double[][] close = new double[names.length][bars];
        for (int i = 0; i < names.length; i++) {
            double v = 100;
            for (int t = 0; t < bars; t++) {
                close[i][t] = v;
                v *= 1 + 0.04 * rnd.nextGaussian();
            }
            Fixtures.flat(b, names[i], 0, close[i]);
        }
        Map<Integer, List<Signal>> script = new HashMap<>();
        for (int t = 0; t < bars; t++) {
            if (rnd.nextInt(3) == 0) {
                List<Signal> at = new java.util.ArrayList<>();
                java.util.Set<String> lots = new java.util.HashSet<>();
                for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                    String sym = names[rnd.nextInt(names.length)];
                    Signal.Side side = rnd.nextBoolean() ? Signal.Side.LONG : Signal.Side.SHORT;
                    if (!lots.add(sym + side)) {
                        continue; // one signal per lot and bar (see SignalRiskGate on mixed ones)
                    }
                    at.add(rnd.nextInt(4) == 0 ? Signal.close(sym, side)
                            : Signal.open(sym, side, new Signal.Weight(0.6 * rnd.nextDouble()), List.of()));
                }
                script.put(t, at);
            }
        }
        RiskRules rules = RiskRules.NONE.withMaxWeight(0.25).withMaxGross(0.8).withMaxNet(0.3).withMaxPositions(3);
        ManagedRun run = AdvancedPortfolioManager.builder().risk(rules).build()
                .run(b.build(), Fixtures.usdmClose().maxLeverage(10).build(), script(script));
        List<TradeEvent> rows = run.result().ledger().events();
        double[] q = new double[names.length];
        int k = 0;
        for (int t = 0; t < bars; t++) {
            long time = Fixtures.T0 + t * Fixtures.DAY;
            for (; k < rows.size() && rows.get(k).time() <= time; k++) {
                TradeEvent r = rows.get(k);
                q[java.util.Arrays.asList(names).indexOf(r.symbol())] += r.qty();
            }
            if (!script.containsKey(t)) {
                continue;
            }
            double e = run.result().equity()[t];
            double gross = 0;
            double net = 0;
            int held = 0;
            for (int i = 0; i < names.length; i++) {
                double w = q[i] * close[i][t] / e;
                assertTrue(Math.abs(w) <= 0.25 + 1e-9, "weight " + w + " of " + names[i] + " at " + t);
                gross += Math.abs(w);
                net += w;
                held += Math.abs(w) > 1e-9 ? 1 : 0;
            }
            assertTrue(gross <= 0.8 + 1e-9, "gross " + gross + " at " + t);
            assertTrue(Math.abs(net) <= 0.3 + 1e-9, "net " + net + " at " + t);
            assertTrue(held <= 3, "positions " + held + " at " + t);
        }
    }
}
