package io.quantlake.strategy.pairs;

import io.quantlake.exit.ExitCondition;
import io.quantlake.exit.OpenLot;
import io.quantlake.ledger.Reason;
import io.quantlake.panel.Panel;
import java.util.Objects;

/**
 * The z-score exits of one pair trade, attached through {@code ConditionalExitStrategy} to both legs' lots so
 * that both fire at the same close (ledger type {@code CONDITIONAL_EXIT}; reason {@code conditional_exit} for the
 * exit at {@code exit_z}, {@code z_stop} for the stop at {@code stop_z}).
 * Reads the pair's z-score at {@code t} from closes up to {@code t}.
 *
 * <ul>
 *   <li>{@code EXIT}: short spread ({@code direction -1}, entered at {@code z > 0}) when {@code z <= level};
 *       long spread ({@code +1}) when {@code z >= -level}: z has crossed back to the exit level.</li>
 *   <li>{@code STOP}: short spread when {@code z >= level}; long spread when {@code z <= -level}.</li>
 * </ul>
 * A NaN z-score (a leg without a bar) never fires.
 *
 * @param feed      the pair's spread model
 * @param kind      exit or stop
 * @param direction +1 long the spread, -1 short the spread
 * @param level     {@code exit_z} or {@code stop_z}, &gt;= 0
 */
public record SpreadCondition(PairFeed feed, Kind kind, int direction, double level) implements ExitCondition {
    /** Which z-score rule. */
    public enum Kind { EXIT, STOP }

    public SpreadCondition {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(kind, "kind");
        if (direction != 1 && direction != -1) {
            throw new IllegalArgumentException("direction must be +1 (long spread) or -1 (short spread), got " + direction);
        }
        if (!(level >= 0) || Double.isInfinite(level)) {
            throw new IllegalArgumentException("z level must be finite and >= 0, got " + level);
        }
    }

    @Override
    public boolean test(Panel panel, int t, int symbol, OpenLot lot) {
        return fires(feed.zAt(panel, t));
    }

    /** {@code z_stop} for the stop, {@code conditional_exit} for the exit. */
    @Override
    public Reason reason() {
        return kind == Kind.STOP ? Reason.Z_STOP : Reason.CONDITIONAL_EXIT;
    }

    /** Whether the rule fires at z-score {@code z}. */
    public boolean fires(double z) {
        if (Double.isNaN(z)) {
            return false;
        }
        double signed = -direction * z; // > 0 on the side the trade was entered
        return kind == Kind.EXIT ? signed <= level : signed >= level;
    }
}
