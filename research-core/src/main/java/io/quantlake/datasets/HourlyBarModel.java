package io.quantlake.datasets;

import io.quantlake.market.Interval;
import io.quantlake.market.Market;
import java.util.List;

/**
 * Turns a symbol's daily log closes into 1h bars over the whole sample. Within day {@code d} the 24
 * hourly log increments are a discrete Brownian bridge from the previous close to this close:
 * {@code inc_k = R_d / 24 + sigma_h * (z_k - mean(z))} with {@code sigma_h = vol_d / sqrt(24)}, so the
 * last hour closes exactly at the daily close; each hour opens at the previous hour's close; the
 * high and low extend {@code max/min(open, close)} by {@code |N(0,1)| * sigma_h / 2} (relative).
 * Prices are rounded to the tick (at least one tick).
 *
 * <p>Volumes: quote volume per hour = daily level / 24 × intraday season {@code 1 + 0.3 cos(2π(h - 14)/24)}
 * × activity {@code min(4, 0.6 + 0.8 |inc| / sigma_h)} × lognormal noise; base volume = quote / mean
 * of OHLC, rounded to the step (at least one); trades = quote / typical trade size; taker-buy share
 * {@code 0.5 + 0.1 inc / sigma_h} plus noise, in [0.05, 0.95].
 *
 * <p>Every draw is made for every hour, present or not, so listings and gaps do not shift the
 * random streams: the price path (stream {@code 2000 + i}) is the same in every market; volumes have
 * a stream per market ({@code 3000 + i} spot, {@code 4000 + i} USDⓈ-M).
 */
final class HourlyBarModel {
    private static final double[] SEASON = new double[24];

    static {
        for (int k = 0; k < 24; k++) {
            SEASON[k] = 1 + 0.3 * StrictMath.cos(2 * Math.PI * (k - 14) / 24);
        }
    }

    private final BarSeries s;
    private final SeededRandom pathRng;
    private final SeededRandom volRng;
    private final double priceUnit;
    private final double qtyUnit;
    private final double quoteUnit;
    private final double hourlyQuote;
    private final double avgTradeQuote;

    private HourlyBarModel(UniversePlan plan, SymbolProfile profile, Market market, double volumeMultiplier) {
        long seed = plan.spec().seed();
        int i = profile.index();
        s = new BarSeries(Interval.H1, plan.startMs(), plan.hours(), profile.priceScale(), profile.qtyScale());
        pathRng = SeededRandom.stream(seed, 2000 + i);
        volRng = SeededRandom.stream(seed, (market == Market.SPOT ? 3000 : 4000) + i);
        priceUnit = StrictMath.pow(10, profile.priceScale());
        qtyUnit = StrictMath.pow(10, profile.qtyScale());
        quoteUnit = StrictMath.pow(10, BarSeries.QUOTE_SCALE);
        hourlyQuote = profile.dailyQuoteVolume() * volumeMultiplier / 24;
        avgTradeQuote = profile.avgTradeQuote();
    }

    /**
     * The 1h bars of {@code profile} in {@code market}, {@code volumeMultiplier} times the profile's
     * quote volume; bars outside the symbol's life or inside one of {@code gaps} are absent.
     */
    static BarSeries build(UniversePlan plan, DailyPaths paths, SymbolProfile profile, Market market,
                           double volumeMultiplier, List<BarGap> gaps) {
        HourlyBarModel m = new HourlyBarModel(plan, profile, market, volumeMultiplier);
        m.draw(paths, profile.index());
        BarSeries s = m.s;
        for (int t = 0; t < s.count; t++) {
            long time = s.openTime(t);
            s.present[t] = time >= profile.firstOpenTime() && time < profile.endTime() && !inGap(gaps, time);
        }
        return s;
    }

    /** Draws every hour of every day, bridging the daily closes of symbol {@code i}. */
    private void draw(DailyPaths paths, int i) {
        double[] z = new double[24];
        long prevClose = toTicks(paths.logOpen()[i]);
        for (int d = 0; d < paths.days(); d++) {
            double prev = paths.logPrevClose(d, i);
            double target = paths.logClose()[d * paths.n() + i];
            double sigmaH = paths.vol()[d * paths.n() + i] / Math.sqrt(24);
            double mean = 0;
            for (int k = 0; k < 24; k++) {
                z[k] = pathRng.nextGaussian();
                mean += z[k] / 24;
            }
            double level = prev;
            double step = (target - prev) / 24;
            for (int k = 0; k < 24; k++) {
                int t = d * 24 + k;
                double inc = step + sigmaH * (z[k] - mean);
                level = k == 23 ? target : level + inc;
                long o = prevClose;
                long c = toTicks(level);
                long hi = Math.max(o, c);
                long lo = Math.min(o, c);
                s.open[t] = o;
                s.close[t] = c;
                s.high[t] = hi + Math.round(hi * Math.abs(pathRng.nextGaussian()) * sigmaH / 2);
                s.low[t] = Math.max(1, lo - Math.round(lo * Math.abs(pathRng.nextGaussian()) * sigmaH / 2));
                prevClose = c;
                volumes(t, k, inc / sigmaH);
            }
        }
    }

    /** Volumes, trades and taker volumes of bar {@code t} (hour {@code k} of its day), given its standardized move. */
    private void volumes(int t, int k, double move) {
        double activity = Math.min(4, 0.6 + 0.8 * Math.abs(move));
        double quote = hourlyQuote * SEASON[k] * activity * StrictMath.exp(0.35 * volRng.nextGaussian() - 0.06125);
        double price = (s.open[t] + s.high[t] + s.low[t] + s.close[t]) / 4.0 / priceUnit;
        long vol = Math.max(1, Math.round(quote / price * qtyUnit));
        s.volume[t] = vol;
        s.quoteVolume[t] = Math.round(vol / qtyUnit * price * quoteUnit);
        s.trades[t] = Math.max(1, Math.round(quote / avgTradeQuote * StrictMath.exp(0.2 * volRng.nextGaussian())));
        double share = Math.max(0.05, Math.min(0.95, 0.5 + 0.1 * move + 0.04 * volRng.nextGaussian()));
        s.takerBase[t] = Math.round(share * vol);
        s.takerQuote[t] = Math.min(s.quoteVolume[t], Math.round(s.takerBase[t] / qtyUnit * price * quoteUnit));
    }

    private long toTicks(double logPrice) {
        return Math.max(1, Math.round(StrictMath.exp(logPrice) * priceUnit));
    }

    private static boolean inGap(List<BarGap> gaps, long time) {
        for (int g = 0; g < gaps.size(); g++) {
            BarGap gap = gaps.get(g);
            if (time >= gap.start() && time < gap.end()) {
                return true;
            }
        }
        return false;
    }
}
