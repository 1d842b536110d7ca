package io.quantlake.exit;

import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;
import java.util.List;
import java.util.Objects;

/**
 * Take-profit / stop-loss exit, optionally laddered (SIMULATION.md §7, R17, R18). For a long lot,
 * with {@code tp} and {@code sl} the next untouched levels: if {@code open <= sl} stop at the open
 * (gap); else if {@code open >= tp} take profit at the open; else if {@code low <= sl} and
 * {@code high >= tp} the {@link BothHit} policy decides; else if {@code low <= sl} stop at
 * {@code sl}; else if {@code high >= tp} take profit at {@code tp}. Shorts are mirrored.
 * Take-profits are limit orders (maker fee, no slippage), stop-losses market orders (taker fee,
 * slippage).
 *
 * <p>Ladders: each level closes {@code fraction} of the lot's opening quantity
 * ({@code PARTIAL_CLOSE}); the last level of a leg, or a level whose fraction covers what is left,
 * closes the rest ({@code CLOSE}). At most one level fires per bar (one exit per lot per bar).
 *
 * @param takeProfits take-profit levels in order of execution (may be empty)
 * @param stopLosses  stop-loss levels in order of execution (may be empty)
 * @param bothHit     what a bar that touches both does
 * @param basis       whether level values are prices or distances from the fill price
 */
public record TPSLExitStrategy(List<Level> takeProfits, List<Level> stopLosses, BothHit bothHit, PriceBasis basis)
        implements ExitStrategy {

    /** Which leg fills when one bar touches both the stop and the take-profit (§7). */
    public enum BothHit {
        /** Exit at the stop (default, and the only policy of {@code sma_cross_tpsl}, R21). */
        STOP_FIRST,
        /** Exit at the take-profit. */
        TP_FIRST
    }

    /** How level values are read. */
    public enum PriceBasis {
        /** Values are prices in quote currency. */
        ABSOLUTE,
        /** Values are distances as fractions of the lot's fill price: long tp = fill·(1+v), sl = fill·(1−v); short mirrored. */
        RELATIVE
    }

    /**
     * One ladder level.
     *
     * @param value    price, or distance fraction from the fill price (see {@link PriceBasis})
     * @param fraction fraction of the lot's opening quantity this level closes, in (0, 1]
     */
    public record Level(double value, double fraction) {
        public Level {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("TP/SL level value must be > 0 and finite, got " + value);
            }
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("TP/SL level fraction must be in (0, 1], got " + fraction);
            }
        }
    }

    public TPSLExitStrategy {
        takeProfits = List.copyOf(takeProfits);
        stopLosses = List.copyOf(stopLosses);
        Objects.requireNonNull(bothHit, "both_hit");
        Objects.requireNonNull(basis, "basis");
        if (takeProfits.isEmpty() && stopLosses.isEmpty()) {
            throw new IllegalArgumentException("a TP/SL exit needs at least one take-profit or stop-loss level");
        }
    }

    /** One take-profit and one stop-loss price (the legacy BUY). */
    public static TPSLExitStrategy absolute(double takeProfit, double stopLoss, BothHit bothHit) {
        return new TPSLExitStrategy(List.of(new Level(takeProfit, 1)), List.of(new Level(stopLoss, 1)), bothHit,
                PriceBasis.ABSOLUTE);
    }

    /** One take-profit and one stop-loss distance, as fractions of the fill price. */
    public static TPSLExitStrategy relative(double takeProfit, double stopLoss, BothHit bothHit) {
        return new TPSLExitStrategy(List.of(new Level(takeProfit, 1)), List.of(new Level(stopLoss, 1)), bothHit,
                PriceBasis.RELATIVE);
    }

    /** The price of level {@code k} of a leg for {@code lot}. */
    double price(OpenLot lot, Level level, boolean takeProfit) {
        if (basis == PriceBasis.ABSOLUTE) {
            return level.value();
        }
        boolean up = takeProfit == (lot.side() == PositionSide.LONG);
        return lot.fillPrice() * (up ? 1 + level.value() : 1 - level.value());
    }

    @Override
    public boolean checkInBar(int rule, OpenLot lot, ExitBar bar, ExitFill out) {
        int tpStage = lot.intState(rule, 0);
        int slStage = lot.intState(rule, 1);
        double d = lot.side().sign();
        double tp = tpStage < takeProfits.size() ? d * price(lot, takeProfits.get(tpStage), true) : Double.NaN;
        double sl = slStage < stopLosses.size() ? d * price(lot, stopLosses.get(slStage), false) : Double.NaN;
        // Mirrored coordinates: for a short, prices are negated, so "low" is -high.
        double open = d * bar.open();
        double high = d > 0 ? bar.high() : -bar.low();
        double low = d > 0 ? bar.low() : -bar.high();
        if (open <= sl) {
            return stop(rule, lot, d * open, out);
        } else if (open >= tp) {
            return take(rule, lot, d * open, out);
        } else if (low <= sl && high >= tp) {
            return bothHit == BothHit.STOP_FIRST ? stop(rule, lot, d * sl, out) : take(rule, lot, d * tp, out);
        } else if (low <= sl) {
            return stop(rule, lot, d * sl, out);
        } else if (high >= tp) {
            return take(rule, lot, d * tp, out);
        }
        return false;
    }

    /**
     * The price at or below which this rule fires on {@code lot} at a bar whose open or low reaches
     * it ({@link #checkInBar} fires iff {@code open <= lowerTrigger || low <= lowerTrigger ||
     * open >= upperTrigger || high >= upperTrigger}): the current stop-loss level of a long lot,
     * the current take-profit level of a short lot; NaN when that leg has no level left. Quote currency.
     */
    public double lowerTrigger(int rule, OpenLot lot) {
        return lot.side() == PositionSide.LONG ? stopLevel(rule, lot) : takeLevel(rule, lot);
    }

    /** The price at or above which this rule fires (open or high); see {@link #lowerTrigger}. */
    public double upperTrigger(int rule, OpenLot lot) {
        return lot.side() == PositionSide.LONG ? takeLevel(rule, lot) : stopLevel(rule, lot);
    }

    private double takeLevel(int rule, OpenLot lot) {
        int stage = lot.intState(rule, 0);
        return stage < takeProfits.size() ? price(lot, takeProfits.get(stage), true) : Double.NaN;
    }

    private double stopLevel(int rule, OpenLot lot) {
        int stage = lot.intState(rule, 1);
        return stage < stopLosses.size() ? price(lot, stopLosses.get(stage), false) : Double.NaN;
    }

    private boolean take(int rule, OpenLot lot, double price, ExitFill out) {
        int stage = lot.intState(rule, 0);
        fill(lot, takeProfits, stage, price, true, Reason.TAKE_PROFIT, out);
        lot.setIntState(rule, 0, stage + 1);
        return true;
    }

    private boolean stop(int rule, OpenLot lot, double price, ExitFill out) {
        int stage = lot.intState(rule, 1);
        fill(lot, stopLosses, stage, price, false, Reason.STOP_LOSS, out);
        lot.setIntState(rule, 1, stage + 1);
        return true;
    }

    private static void fill(OpenLot lot, List<Level> levels, int stage, double price, boolean limit, Reason reason,
                             ExitFill out) {
        double q = levels.get(stage).fraction() * lot.initialQuantity();
        boolean all = stage == levels.size() - 1 || q >= lot.quantity();
        out.set(price, all ? lot.quantity() : q, all, limit, TradeEventType.CLOSE, reason);
    }
}
