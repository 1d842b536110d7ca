package io.quantlake.sim;

import io.quantlake.spill.SpillFile;
import java.nio.ByteBuffer;

/**
 * The equity rows of a run in time blocks, written to a scratch file block by block ({@link SpillFile}) and read
 * back by ranges of bars ({@link BacktestResult#readRows}), so the run holds no array over all its bars. One row is
 * {@value #ROW_BYTES} bytes: equity, cash, gross, net exposure and leverage as doubles, then whether any position is
 * open (1 or 0).
 */
final class EquitySpill {
    static final int ROW_BYTES = 5 * 8 + 1;
    /** Rows encoded per write or read buffer (about 330 KB). */
    private static final int CHUNK = 8192;

    private final SpillFile file = SpillFile.create("equity");
    private int rows;

    /** Appends rows {@code [from, from + len)} of {@code r}; they are the next grid bars. */
    void append(EquityRows r, int from, int len) {
        ByteBuffer b = ByteBuffer.allocate(Math.min(len, CHUNK) * ROW_BYTES);
        for (int at = from; at < from + len; at += CHUNK) {
            b.clear();
            for (int t = at, end = Math.min(from + len, at + CHUNK); t < end; t++) {
                b.putDouble(r.equity[t]).putDouble(r.cash[t]).putDouble(r.gross[t]).putDouble(r.net[t])
                        .putDouble(r.leverage[t]).put((byte) (r.invested[t] ? 1 : 0));
            }
            b.flip();
            file.append(b);
        }
        rows += len;
    }

    /** Rows written. */
    int rows() {
        return rows;
    }

    /** Reads bars {@code [from, to)} into the arrays from index 0 (a null array is skipped). */
    void read(int from, int to, double[] equity, double[] cash, double[] gross, double[] net, double[] leverage,
              boolean[] invested) {
        ByteBuffer b = ByteBuffer.allocate(Math.min(to - from, CHUNK) * ROW_BYTES);
        for (int at = from; at < to; at += CHUNK) {
            int end = Math.min(to, at + CHUNK);
            b.clear().limit((end - at) * ROW_BYTES);
            file.read((long) at * ROW_BYTES, b);
            b.flip();
            for (int t = at - from; t < end - from; t++) {
                double e = b.getDouble();
                double c = b.getDouble();
                double g = b.getDouble();
                double x = b.getDouble();
                double l = b.getDouble();
                boolean any = b.get() != 0;
                if (equity != null) {
                    equity[t] = e;
                }
                if (cash != null) {
                    cash[t] = c;
                }
                if (gross != null) {
                    gross[t] = g;
                }
                if (net != null) {
                    net[t] = x;
                }
                if (leverage != null) {
                    leverage[t] = l;
                }
                if (invested != null) {
                    invested[t] = any;
                }
            }
        }
    }
}
