package io.quantlake.datasets;

import io.quantlake.market.Interval;

/**
 * Splits a symbol's 1h bars into 1m bars, one range (a UTC month) at a time, so that a year of minutes for a
 * large universe is generated in memory bounded by one symbol-month. Within hour {@code t} the 60 minute log
 * increments are a discrete Brownian bridge from the hour's open to its close:
 * {@code inc_k = (log C - log O) / 60 + sigma_m * (z_k - mean(z))} with {@code sigma_m} the hour's range
 * {@code log(H / L) / 4 / sqrt(60)}, so minute 59 closes exactly at the hour's close; each minute opens at the
 * previous minute's close; high and low extend {@code max/min(open, close)} by {@code |N(0,1)| * sigma_m / 2}
 * (relative), rounded to the tick (at least one tick). Volumes, trades and taker volumes are the hour's split in
 * 60 lognormal shares (at least one step and one trade per minute). A minute is present when its hour is
 * (listing, delisting and gaps come from the hour).
 *
 * <p>Draws use a stream per symbol and hour ({@code 5000 + i}, offset by the hour index), so a month's minutes
 * do not depend on which other months or symbols are generated.
 */
final class MinuteBarModel {
    private static final int PER_HOUR = 60;

    private MinuteBarModel() {
    }

    /**
     * The 1m bars of {@code hourly} whose open time is in {@code [fromMs, toMs)} (whole hours of {@code hourly}'s
     * grid).
     *
     * @param seed        the universe seed
     * @param symbolIndex the symbol's index in the universe (selects its random streams)
     */
    static BarSeries split(BarSeries hourly, long seed, int symbolIndex, long fromMs, long toMs) {
        long hour = Interval.H1.millis();
        if (hourly.interval != Interval.H1 || (fromMs - hourly.startMs) % hour != 0 || (toMs - fromMs) % hour != 0) {
            throw new IllegalArgumentException("minute range [" + fromMs + ", " + toMs + ") must be whole hours of "
                    + hourly.interval + " bars from " + hourly.startMs);
        }
        int firstHour = (int) ((fromMs - hourly.startMs) / hour);
        int hours = (int) ((toMs - fromMs) / hour);
        BarSeries m = new BarSeries(Interval.M1, fromMs, hours * PER_HOUR, hourly.priceScale, hourly.qtyScale);
        double[] z = new double[PER_HOUR];
        double[] share = new double[PER_HOUR];
        for (int h = 0; h < hours; h++) {
            int t = firstHour + h;
            if (!hourly.present[t]) {
                continue;
            }
            SeededRandom rng = SeededRandom.stream(seed, (5000L + symbolIndex) * 1_000_000L + t);
            double logOpen = Math.log(hourly.open[t]);
            double logClose = Math.log(hourly.close[t]);
            double sigma = Math.log((double) hourly.high[t] / hourly.low[t]) / 4 / Math.sqrt(PER_HOUR) + 1e-6;
            double mean = 0;
            double shares = 0;
            for (int k = 0; k < PER_HOUR; k++) {
                z[k] = rng.nextGaussian();
                mean += z[k] / PER_HOUR;
                share[k] = StrictMath.exp(0.5 * rng.nextGaussian());
                shares += share[k];
            }
            double step = (logClose - logOpen) / PER_HOUR;
            double level = logOpen;
            long prev = hourly.open[t];
            for (int k = 0; k < PER_HOUR; k++) {
                int b = h * PER_HOUR + k;
                level = k == PER_HOUR - 1 ? logClose : level + step + sigma * (z[k] - mean);
                long o = prev;
                long c = k == PER_HOUR - 1 ? hourly.close[t] : Math.max(1, Math.round(StrictMath.exp(level)));
                long hi = Math.max(o, c);
                long lo = Math.min(o, c);
                m.present[b] = true;
                m.open[b] = o;
                m.close[b] = c;
                m.high[b] = hi + Math.round(hi * Math.abs(rng.nextGaussian()) * sigma / 2);
                m.low[b] = Math.max(1, lo - Math.round(lo * Math.abs(rng.nextGaussian()) * sigma / 2));
                double w = share[k] / shares;
                m.volume[b] = Math.max(1, Math.round(hourly.volume[t] * w));
                m.quoteVolume[b] = Math.max(1, Math.round(hourly.quoteVolume[t] * w));
                m.trades[b] = Math.max(1, Math.round(hourly.trades[t] * w));
                m.takerBase[b] = Math.min(m.volume[b], Math.round(hourly.takerBase[t] * w));
                m.takerQuote[b] = Math.min(m.quoteVolume[b], Math.round(hourly.takerQuote[t] * w));
                prev = c;
            }
        }
        return m;
    }
}
