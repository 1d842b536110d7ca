package io.quantlake.exit;

import io.quantlake.ledger.PositionSide;
import io.quantlake.ledger.Reason;
import io.quantlake.ledger.TradeEventType;

/**
 * Trailing stop (SIMULATION.md §7), a market order (taker fee, slippage), CLOSE reason
 * {@code trailing_stop}. For a long lot the water mark {@code m} starts at the fill price
 * (slippage included). At each bar, in this order: {@code stop = m·(1 − trail)} (or
 * {@code m − k·ATR}); if {@code open <= stop} exit at the open; else if {@code low <= stop} exit at
 * {@code stop}; then {@code m = max(m, high)}. A short lot mirrors it with the low-water mark.
 *
 * <p>ATR variant: the ATR is read from the panel feature {@code atrFeature}; the value used at bar
 * {@code t} is the latest non-NaN value known before the bar's prices (the previous bars' values;
 * at a close fill, the fill bar's own value), so nothing after the decision leaks in.
 *
 * @param trail      trailing distance as a fraction in (0, 1), or NaN for the ATR variant
 * @param atrK       ATR multiple k &gt; 0, or NaN for the percent variant
 * @param atrFeature name of the panel feature holding the ATR in quote currency, or null
 */
public record TrailingStopExitStrategy(double trail, double atrK, String atrFeature) implements ExitStrategy {
    public TrailingStopExitStrategy {
        boolean percent = !Double.isNaN(trail);
        if (percent == (atrFeature != null)) {
            throw new IllegalArgumentException("a trailing stop is either percent (trail) or ATR (k, feature), got trail="
                    + trail + " atr_feature=" + atrFeature);
        }
        if (percent && !(trail > 0 && trail < 1)) {
            throw new IllegalArgumentException("trailing stop trail must be in (0, 1), got " + trail);
        }
        if (!percent && !(atrK > 0 && atrK < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("trailing stop ATR k must be > 0, got " + atrK);
        }
    }

    /** A stop trailing {@code trail} (fraction) behind the water mark. */
    public static TrailingStopExitStrategy percent(double trail) {
        return new TrailingStopExitStrategy(trail, Double.NaN, null);
    }

    /** A stop trailing {@code k} ATRs (panel feature {@code feature}) behind the water mark. */
    public static TrailingStopExitStrategy atr(double k, String feature) {
        return new TrailingStopExitStrategy(Double.NaN, k, feature);
    }

    @Override
    public void onOpen(int rule, OpenLot lot, ExitBar bar) {
        lot.setDoubleState(rule, 0, lot.fillPrice());
        if (atrFeature != null) {
            double[] atr = bar.panel().feature(atrFeature);
            int n = bar.panel().symbolCount();
            double v = Double.NaN;
            for (int s = lot.filledAtOpen() ? bar.t() - 1 : bar.t(); s >= 0 && Double.isNaN(v); s--) {
                v = atr[s * n + bar.symbol()];
            }
            lot.setDoubleState(rule, 1, v);
        }
    }

    /** The stop price for the current water mark (NaN while an ATR stop has no ATR yet). */
    double stop(int rule, OpenLot lot) {
        double m = lot.doubleState(rule, 0);
        double d = lot.side().sign();
        return atrFeature == null ? m * (1 - d * trail) : m - d * atrK * lot.doubleState(rule, 1);
    }

    @Override
    public boolean checkInBar(int rule, OpenLot lot, ExitBar bar, ExitFill out) {
        double stop = stop(rule, lot);
        boolean isLong = lot.side() == PositionSide.LONG;
        double open = bar.open();
        if (isLong ? open <= stop : open >= stop) {
            out.set(open, lot.quantity(), true, false, TradeEventType.CLOSE, Reason.TRAILING_STOP);
            return true;
        }
        if (isLong ? bar.low() <= stop : bar.high() >= stop) {
            out.set(stop, lot.quantity(), true, false, TradeEventType.CLOSE, Reason.TRAILING_STOP);
            return true;
        }
        return false;
    }

    @Override
    public void afterBar(int rule, OpenLot lot, ExitBar bar) {
        double m = lot.doubleState(rule, 0);
        lot.setDoubleState(rule, 0, lot.side() == PositionSide.LONG ? Math.max(m, bar.high()) : Math.min(m, bar.low()));
        if (atrFeature != null) {
            double v = bar.panel().feature(atrFeature)[bar.panel().at(bar.t(), bar.symbol())];
            if (!Double.isNaN(v)) {
                lot.setDoubleState(rule, 1, v);
            }
        }
    }
}
