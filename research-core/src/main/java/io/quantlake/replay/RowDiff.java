package io.quantlake.replay;

import io.quantlake.lake.EquityRow;
import io.quantlake.lake.LedgerRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * Compares stored and replayed rows of one table exactly: doubles bit for bit ({@link Double#equals}: NaN equals
 * NaN, 0.0 differs from −0.0), times to the millisecond, strings by equality (NULL only equals NULL).
 */
public final class RowDiff {
    /** Columns of {@code equity} compared, in schema order (run_id left out). */
    public static final List<String> EQUITY_COLUMNS = List.of("time", "equity", "cash", "gross", "net", "leverage");
    /** Columns of {@code ledger} compared, in schema order (run_id left out, seq = the row's position). */
    public static final List<String> LEDGER_COLUMNS = List.of("time", "symbol", "side", "type", "reason", "qty",
            "price", "fee", "cash_flow", "realized_pnl", "position_after");

    private RowDiff() {
    }

    /**
     * The first difference of {@code replayed} from {@code stored} (rows in the table's order, values in the order of
     * {@code columns}, the first column the row's time as an {@link Instant}); empty when they are identical.
     */
    public static Optional<Difference> first(String table, List<String> columns, List<List<Object>> stored,
                                             List<List<Object>> replayed) {
        int n = Math.max(stored.size(), replayed.size());
        for (int r = 0; r < n; r++) {
            if (r >= stored.size() || r >= replayed.size()) {
                boolean storedHas = r < stored.size();
                List<Object> present = storedHas ? stored.get(r) : replayed.get(r);
                String row = "row at " + present.get(0) + " " + text(present);
                String none = "no row (" + (storedHas ? replayed.size() : stored.size()) + " rows)";
                return Optional.of(new Difference(table, r, String.valueOf(present.get(0)), null,
                        storedHas ? row : none, storedHas ? none : row));
            }
            List<Object> s = stored.get(r);
            List<Object> p = replayed.get(r);
            for (int c = 0; c < columns.size(); c++) {
                if (!Objects.equals(s.get(c), p.get(c))) {
                    return Optional.of(new Difference(table, r, String.valueOf(s.get(0)), columns.get(c),
                            String.valueOf(s.get(c)), String.valueOf(p.get(c))));
                }
            }
        }
        return Optional.empty();
    }

    /** A replayed equity row as values of {@link #EQUITY_COLUMNS}. */
    public static List<Object> values(EquityRow e) {
        return Arrays.asList(Instant.ofEpochMilli(e.time()), e.equity(), e.cash(), e.gross(), e.net(), e.leverage());
    }

    /** A replayed ledger row as values of {@link #LEDGER_COLUMNS}. */
    public static List<Object> values(LedgerRow l) {
        return Arrays.asList(Instant.ofEpochMilli(l.time()), l.symbol(), l.side(), l.type(), l.reason(), l.qty(),
                l.price(), l.fee(), l.cashFlow(), l.realizedPnl(), l.positionAfter());
    }

    /** A stored Spark row's values of {@code columns}, timestamps as {@link Instant}. */
    public static List<Object> values(Row row, List<String> columns) {
        List<Object> out = new ArrayList<>(columns.size());
        for (String c : columns) {
            Object v = row.get(row.fieldIndex(c));
            out.add(v instanceof Timestamp ts ? ts.toInstant() : v);
        }
        return out;
    }

    private static String text(List<Object> values) {
        return values.subList(1, values.size()).toString();
    }
}
