package io.quantlake.strategy;

/**
 * One symbol's own bars up to and including the decision bar, oldest first: the view a
 * {@link LegacyStrategy} decides on. Index {@code k} runs from 0 (oldest) to {@code size() - 1}
 * (the decision bar). A flyweight: the engine re-points one instance per symbol at each bar, so a
 * strategy must not keep a reference to it across calls.
 */
public final class CandleWindow {
    private String symbol;
    private long[] times;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private int timeFrom;
    private int base;
    private int stride;
    private int size;

    /**
     * Points this window at {@code [from, from + size)} of the given per-symbol arrays.
     *
     * @return this window
     */
    public CandleWindow reset(String symbol, long[] times, double[] open, double[] high, double[] low,
                              double[] close, double[] volume, int from, int size) {
        return reset(symbol, times, from, open, high, low, close, volume, from, 1, size);
    }

    /**
     * Points this window at a strided layout, such as a {@code Panel} column: own bar {@code k} is
     * {@code times[timeFrom + k]} and {@code close[base + k * stride]} (likewise for the other fields),
     * for {@code k < size}. Lets the engine view a symbol without gaps in place, without a copy.
     *
     * @return this window
     */
    public CandleWindow reset(String symbol, long[] times, int timeFrom, double[] open, double[] high, double[] low,
                              double[] close, double[] volume, int base, int stride, int size) {
        this.symbol = symbol;
        this.times = times;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.timeFrom = timeFrom;
        this.base = base;
        this.stride = stride;
        this.size = size;
        return this;
    }

    public String symbol() {
        return symbol;
    }

    /** Number of own bars available, the decision bar included. */
    public int size() {
        return size;
    }

    /** Open time (UTC epoch ms) of own bar {@code k}. */
    public long time(int k) {
        return times[timeFrom + check(k)];
    }

    public double open(int k) {
        return open[base + check(k) * stride];
    }

    public double high(int k) {
        return high[base + check(k) * stride];
    }

    public double low(int k) {
        return low[base + check(k) * stride];
    }

    public double close(int k) {
        return close[base + check(k) * stride];
    }

    public double volume(int k) {
        return volume[base + check(k) * stride];
    }

    /** Copies the closes of own bars {@code [from, from + length)} to {@code dst[dstPos, dstPos + length)}. */
    public void copyCloses(int from, double[] dst, int dstPos, int length) {
        if (length > 0) {
            check(from);
            check(from + length - 1);
        }
        if (stride == 1) {
            System.arraycopy(close, base + from, dst, dstPos, length);
        } else {
            for (int k = 0, src = base + from * stride; k < length; k++, src += stride) {
                dst[dstPos + k] = close[src];
            }
        }
    }

    /** Close of the decision bar. */
    public double lastClose() {
        return close(size - 1);
    }

    private int check(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("bar " + k + " outside window of " + size + " bars of " + symbol);
        }
        return k;
    }
}
