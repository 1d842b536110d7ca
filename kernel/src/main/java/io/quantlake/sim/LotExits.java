package io.quantlake.sim;

import io.quantlake.exit.ExitBar;
import io.quantlake.exit.ExitFill;
import io.quantlake.exit.ExitStrategy;
import io.quantlake.exit.OpenLot;
import io.quantlake.ledger.TradeEventType;
import java.util.List;

/**
 * Runs the exit chains of open lots (SIMULATION.md §7, R17, R18): in universe order, the long lot
 * before the short lot of a symbol; a symbol without a bar is not checked (§1). The first rule
 * of a chain that fires wins; rules then update their path state for lots still open.
 */
final class LotExits {
    private final SimState s;
    private final ExitBar bar = new ExitBar();
    private final ExitFill fill = new ExitFill();

    LotExits(SimState s) {
        this.s = s;
    }

    /** Step 2: exits inside bar {@code t}. */
    void inBar(int t) {
        Account a = s.account;
        if (a.exitLots() == 0) {
            return;
        }
        for (int i = 0; i < s.n; i++) {
            if (!s.hasBar(t, i)) {
                continue;
            }
            for (int slot = 2 * i; slot <= 2 * i + 1; slot++) {
                OpenLot lot = a.exits(slot);
                if (lot == null) {
                    continue;
                }
                bar.reset(s.panel, t, i, s.atClose);
                List<ExitStrategy> chain = lot.chain();
                for (int r = 0; r < chain.size(); r++) {
                    if (chain.get(r).checkInBar(r, lot, bar, fill)) {
                        apply(t, slot, fill);
                        break;
                    }
                }
                if (a.exits(slot) == lot && lot.hasPathRule()) {
                    for (int r = 0; r < chain.size(); r++) {
                        chain.get(r).afterBar(r, lot, bar);
                    }
                }
            }
        }
    }

    /**
     * Step 5: rules that decide at the close (conditional exits), for lots open before this close.
     * With {@code execution.price: close} the exit fills now at the close; with {@code next_open}
     * the lot is flagged and {@link #fillPendingAtOpen} closes it at the symbol's next bar.
     */
    void atClose(int t) {
        Account a = s.account;
        if (a.exitLots() == 0) {
            return;
        }
        for (int i = 0; i < s.n; i++) {
            if (!s.hasBar(t, i)) {
                continue;
            }
            for (int slot = 2 * i; slot <= 2 * i + 1; slot++) {
                OpenLot lot = a.exits(slot);
                if (lot == null || !lot.hasCloseRule() || lot.conditionalExitPending()) {
                    continue;
                }
                bar.reset(s.panel, t, i, s.atClose);
                List<ExitStrategy> chain = lot.chain();
                for (int r = 0; r < chain.size(); r++) {
                    if (chain.get(r).checkAtClose(r, lot, bar, fill)) {
                        if (s.atClose) {
                            apply(t, slot, fill);
                        } else {
                            lot.setPendingExit(fill.reason());
                        }
                        break;
                    }
                }
            }
        }
    }

    /** Step 1: conditional exits decided at an earlier close fill at this bar's open (market order). */
    void fillPendingAtOpen(int t) {
        Account a = s.account;
        if (a.exitLots() == 0) {
            return;
        }
        for (int i = 0; i < s.n; i++) {
            if (!s.hasBar(t, i)) {
                continue;
            }
            for (int slot = 2 * i; slot <= 2 * i + 1; slot++) {
                OpenLot lot = a.exits(slot);
                if (lot != null && lot.conditionalExitPending()) {
                    a.closeAtMarket(t, slot, s.open[t * s.n + i], TradeEventType.CONDITIONAL_EXIT,
                            lot.pendingExitReason());
                }
            }
        }
    }

    /** Executes a fired exit: limit at its price with the maker fee, market with slippage and the taker fee. */
    private void apply(int t, int slot, ExitFill f) {
        Account a = s.account;
        double lot = a.lot(slot);
        double dq = f.closesAll() ? -lot : -Math.copySign(Math.min(f.quantity(), Math.abs(lot)), lot);
        double price = f.limit() ? f.price() : a.marketPrice(f.price(), dq);
        double feeRate = f.limit() ? a.makerRate() : a.takerRate();
        if (lot + dq == 0) {
            a.close(t, slot, price, feeRate, f.closeType(), f.reason());
        } else {
            a.adjust(t, slot, dq, price, feeRate, TradeEventType.PARTIAL_CLOSE, f.reason());
        }
    }
}
