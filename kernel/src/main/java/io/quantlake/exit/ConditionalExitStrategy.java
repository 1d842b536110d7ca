package io.quantlake.exit;

import io.quantlake.ledger.TradeEventType;
import java.util.Objects;

/**
 * Conditional exit (SIMULATION.md §7): a predicate over bar {@code t}'s data, evaluated at the
 * close of {@code t} (step 5 of §12.2) for lots open before that close; when it holds, the lot is
 * closed by a market order executed per §2 (next_open: at the open of the symbol's next bar,
 * before that bar's other exits; close: at the close of {@code t}), event {@code CONDITIONAL_EXIT},
 * reason {@link ExitCondition#reason()} ({@code conditional_exit} unless the condition names its own).
 *
 * @param condition the predicate
 */
public record ConditionalExitStrategy(ExitCondition condition) implements ExitStrategy {
    public ConditionalExitStrategy {
        Objects.requireNonNull(condition, "condition");
    }

    @Override
    public boolean checkInBar(int rule, OpenLot lot, ExitBar bar, ExitFill out) {
        return false;
    }

    @Override
    public boolean checkAtClose(int rule, OpenLot lot, ExitBar bar, ExitFill out) {
        if (!condition.test(bar.panel(), bar.t(), bar.symbol(), lot)) {
            return false;
        }
        out.set(bar.close(), lot.quantity(), true, false, TradeEventType.CONDITIONAL_EXIT, condition.reason());
        return true;
    }
}
