package io.quantlake.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quantlake.exit.TPSLExitStrategy;
import io.quantlake.exit.TimeBasedExitStrategy;
import io.quantlake.market.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tier 2 stands where tier 1 is used: SignalStrategy's default decide (DESIGN.md "Three tiers, one engine"). */
class SignalStrategyTest {
    private static CandleWindow window(double... closes) {
        long[] t = new long[closes.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = k * 86_400_000L;
        }
        return new CandleWindow().reset("BTCUSDT", t, closes, closes, closes, closes, closes, 0, closes.length);
    }

    /** Buys when the last close is above the previous one, TP +10 %, SL -5 % of the last close. */
    private static final SignalStrategy UP = (snapshot, state) -> {
        CandleWindow w = snapshot.window(0);
        if (w.size() < 2 || w.close(w.size() - 1) <= w.close(w.size() - 2) || state.held(0)) {
            return List.of();
        }
        return List.of(Signal.open(snapshot.symbol(0), Signal.Side.LONG, new Signal.Weight(0.5),
                List.of(new TimeBasedExitStrategy(3), TPSLExitStrategy.relative(0.1, 0.05, TPSLExitStrategy.BothHit.STOP_FIRST))));
    };

    @Test
    void defaultDecideTurnsTheFirstOpenLongIntoABuy() {
        LegacyDecision d = UP.decide(window(100, 120), Interval.D1);
        // relative levels resolved against the last close 120: tp 132, sl 114
        assertEquals(120 * 1.1, d.takeProfit(), 1e-12);
        assertEquals(120 * 0.95, d.stopLoss(), 1e-12);
        assertNull(UP.decide(window(120, 100), Interval.D1));
    }

    @Test
    void anOpenLongWithoutTpSlCannotBeALegacyBuy() {
        SignalStrategy noExit = (s, st) -> List.of(Signal.open(s.symbol(0), Signal.Side.LONG, new Signal.Quantity(1), List.of()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> noExit.decide(window(1, 2), Interval.D1));
        assertEquals(true, e.getMessage().contains("BTCUSDT"));
    }

    @Test
    void signalsValidateTheirSize() {
        assertThrows(IllegalArgumentException.class,
                () -> new Signal("A", Signal.Side.LONG, Signal.Action.OPEN, new Signal.All(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Signal("A", Signal.Side.LONG, Signal.Action.CLOSE, new Signal.Weight(0.1), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Signal.rebalance("A", Signal.Side.HEDGE, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Signal.Weight(-0.1));
    }
}
