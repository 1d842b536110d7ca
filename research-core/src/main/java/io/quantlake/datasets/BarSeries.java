package io.quantlake.datasets;

import io.quantlake.market.Interval;

/**
 * One symbol's bars on a regular grid of {@code count} bars from {@code startMs}, as fixed-point
 * {@code long} units so that aggregation and text are exact: prices in ticks ({@code 10^-priceScale}),
 * base volumes in steps ({@code 10^-qtyScale}), quote volumes in {@code 10^-QUOTE_SCALE} USDT. A bar
 * with {@code present[t] == false} does not exist (before listing, after delisting, or in a gap).
 */
final class BarSeries {
    /** Decimals of quote volumes. */
    static final int QUOTE_SCALE = 6;

    final Interval interval;
    final long startMs;
    final int count;
    final int priceScale;
    final int qtyScale;
    final boolean[] present;
    final long[] open;
    final long[] high;
    final long[] low;
    final long[] close;
    final long[] volume;
    final long[] quoteVolume;
    final long[] trades;
    final long[] takerBase;
    final long[] takerQuote;

    BarSeries(Interval interval, long startMs, int count, int priceScale, int qtyScale) {
        this.interval = interval;
        this.startMs = startMs;
        this.count = count;
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
        present = new boolean[count];
        open = new long[count];
        high = new long[count];
        low = new long[count];
        close = new long[count];
        volume = new long[count];
        quoteVolume = new long[count];
        trades = new long[count];
        takerBase = new long[count];
        takerQuote = new long[count];
    }

    /** Open time of bar {@code t}, UTC epoch ms. */
    long openTime(int t) {
        return startMs + t * interval.millis();
    }

    /** Number of present bars. */
    int presentCount() {
        int c = 0;
        for (int t = 0; t < count; t++) {
            if (present[t]) {
                c++;
            }
        }
        return c;
    }

    /**
     * Aggregates {@code factor} consecutive bars into one bar of {@code target} (e.g. 24 hours into a
     * day): open of the first present bar, close of the last, max high, min low, sums of volumes,
     * trades and taker volumes; the bar is present when any of its parts is.
     */
    BarSeries aggregate(Interval target, int factor) {
        if (interval.millis() * factor != target.millis() || count % factor != 0) {
            throw new IllegalArgumentException("cannot aggregate " + count + " bars of " + interval + " by " + factor
                    + " into " + target);
        }
        BarSeries out = new BarSeries(target, startMs, count / factor, priceScale, qtyScale);
        for (int b = 0; b < out.count; b++) {
            for (int t = b * factor; t < (b + 1) * factor; t++) {
                if (!present[t]) {
                    continue;
                }
                if (!out.present[b]) {
                    out.present[b] = true;
                    out.open[b] = open[t];
                    out.high[b] = high[t];
                    out.low[b] = low[t];
                } else {
                    out.high[b] = Math.max(out.high[b], high[t]);
                    out.low[b] = Math.min(out.low[b], low[t]);
                }
                out.close[b] = close[t];
                out.volume[b] += volume[t];
                out.quoteVolume[b] += quoteVolume[t];
                out.trades[b] += trades[t];
                out.takerBase[b] += takerBase[t];
                out.takerQuote[b] += takerQuote[t];
            }
        }
        return out;
    }
}
