package io.quantlake.bench;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.TradeEventType;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;

/**
 * One long round trip of a single-symbol backtest, in bar indexes of the grid and fill prices.
 * A position still open at the end has {@code exitBar = -1} and {@code exitPrice = NaN}.
 *
 * @param entryBar   grid index of the entry fill
 * @param entryPrice entry fill price
 * @param exitBar    grid index of the exit fill, or -1
 * @param exitPrice  exit fill price, or NaN
 */
record RoundTrip(int entryBar, double entryPrice, int exitBar, double exitPrice) {

    /** Same bars and bit-identical prices (NaN equals NaN). */
    boolean sameAs(RoundTrip o) {
        return entryBar == o.entryBar && exitBar == o.exitBar
                && Double.doubleToLongBits(entryPrice) == Double.doubleToLongBits(o.entryPrice)
                && Double.doubleToLongBits(exitPrice) == Double.doubleToLongBits(o.exitPrice);
    }

    /**
     * Round trips of a QuantLake ledger of one symbol: an {@code OPEN} starts one, the next
     * {@code CLOSE} ends it; bar index {@code (time − origin) / barMillis}. Other event types are an
     * error (the legacy spot path emits only these two).
     */
    static List<RoundTrip> of(Ledger ledger, long origin, long barMillis) {
        List<RoundTrip> out = new ArrayList<>();
        int entryBar = -1;
        double entryPrice = Double.NaN;
        for (int k = 0; k < ledger.size(); k++) {
            int bar = Math.toIntExact((ledger.time(k) - origin) / barMillis);
            TradeEventType type = ledger.type(k);
            if (type == TradeEventType.OPEN && entryBar < 0) {
                entryBar = bar;
                entryPrice = ledger.price(k);
            } else if (type == TradeEventType.CLOSE && entryBar >= 0) {
                out.add(new RoundTrip(entryBar, entryPrice, bar, ledger.price(k)));
                entryBar = -1;
            } else {
                throw new IllegalStateException("unexpected ledger row " + k + ": " + ledger.get(k));
            }
        }
        if (entryBar >= 0) {
            out.add(new RoundTrip(entryBar, entryPrice, -1, Double.NaN));
        }
        return out;
    }

    /** Round trips of a ta4j trading record: its closed positions, then the open one if any. */
    static List<RoundTrip> of(TradingRecord record) {
        List<RoundTrip> out = new ArrayList<>();
        for (Position p : record.getPositions()) {
            out.add(new RoundTrip(p.getEntry().getIndex(), p.getEntry().getPricePerAsset().doubleValue(),
                    p.getExit().getIndex(), p.getExit().getPricePerAsset().doubleValue()));
        }
        Position current = record.getCurrentPosition();
        if (current.isOpened()) {
            out.add(new RoundTrip(current.getEntry().getIndex(), current.getEntry().getPricePerAsset().doubleValue(),
                    -1, Double.NaN));
        }
        return out;
    }

    /**
     * Fails loudly unless both lists are identical; the message names the first differing round
     * trip of each side and its index.
     */
    static void requireIdentical(String leftName, List<RoundTrip> left, String rightName, List<RoundTrip> right) {
        int common = Math.min(left.size(), right.size());
        for (int k = 0; k < common; k++) {
            if (!left.get(k).sameAs(right.get(k))) {
                throw new IllegalStateException("trade lists differ at round trip " + k + ": " + leftName + " "
                        + left.get(k) + " vs " + rightName + " " + right.get(k)
                        + (k > 0 ? " (previous, identical: " + left.get(k - 1) + ")" : ""));
            }
        }
        if (left.size() != right.size()) {
            throw new IllegalStateException("trade lists differ in length: " + leftName + " has " + left.size() + ", "
                    + rightName + " has " + right.size() + "; first extra: "
                    + (left.size() > common ? left.get(common) : right.get(common)));
        }
    }
}
