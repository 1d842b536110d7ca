package io.quantlake.datasets;

import io.quantlake.market.Market;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves a {@link SampleUniverseSpec} into a {@link UniversePlan}: names, betas, volatilities,
 * ticks, the planted pairs ({@code LTCUSDT/BCHUSDT}, {@code ARBUSDT/OPUSDT}, {@code DOGEUSDT/SHIBUSDT}),
 * listings (the last {@code max(2, round(N/10))} symbols), delistings (the {@code max(2, round(N/20))}
 * before them) and spot gaps (whole days on symbols outside BTC, the pairs and the listed/delisted
 * ones; and hours inside the 1h span on symbols that have 1h files).
 */
final class UniversePlanner {
    /** Real-looking names and rough start prices (USDT); pair members come early so every size has them. */
    private static final String[] REAL = {"BTC", "ETH", "BNB", "SOL", "XRP", "LTC", "BCH", "ARB", "OP", "DOGE",
        "SHIB", "ADA", "AVAX", "LINK", "DOT", "TRX", "ATOM", "NEAR", "UNI", "FIL", "APT", "INJ", "SUI", "PEPE"};
    private static final double[] REAL_PRICE = {30000, 2000, 300, 40, 0.5, 80, 250, 1.2, 1.5, 0.08,
        0.00001, 0.4, 20, 8, 6, 0.07, 10, 2, 6, 5, 8, 10, 1, 0.000001};
    private static final String[][] PAIRS = {{"LTC", "BCH"}, {"ARB", "OP"}, {"DOGE", "SHIB"}};
    private static final String CONSONANTS = "BDFGKLMNPRSTVXZ";
    private static final String VOWELS = "AEIOU";
    private static final long PLANNER_STREAM = 1L;

    private UniversePlanner() {
    }

    static UniversePlan plan(SampleUniverseSpec spec, ModelParameters params) {
        SeededRandom rng = SeededRandom.stream(spec.seed(), PLANNER_STREAM);
        long startMs = spec.start().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long endMs = spec.end().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long hourlyStartMs = spec.hourlyStart().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        int n = spec.symbols();
        int days = (int) ((endMs - startMs) / UniversePlan.DAY);
        List<String> names = names(n, rng);

        int nListed = Math.max(2, (int) Math.round(n / 10.0));
        int nDelisted = Math.max(2, (int) Math.round(n / 20.0));
        long[] first = new long[n];
        long[] end = new long[n];
        List<ListingEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            first[i] = startMs;
            end[i] = endMs;
        }
        for (int i = n - nListed - nDelisted; i < n - nListed; i++) {
            long day = startMs + (long) (days * rng.uniform(0.5, 0.9)) * UniversePlan.DAY;
            end[i] = day + pickHour(rng) * UniversePlan.HOUR;
            events.add(new ListingEvent(ListingEvent.Kind.DELISTING, names.get(i), end[i]));
        }
        for (int i = n - nListed; i < n; i++) {
            long day = startMs + (long) (days * rng.uniform(0.1, 0.6)) * UniversePlan.DAY;
            first[i] = day + pickHour(rng) * UniversePlan.HOUR;
            events.add(new ListingEvent(ListingEvent.Kind.LISTING, names.get(i), first[i]));
        }

        List<SymbolProfile> profiles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            profiles.add(profile(names.get(i), i, rng, first[i], end[i]));
        }
        List<PlantedPair> pairs = new ArrayList<>();
        Set<Integer> special = new HashSet<>(List.of(0));
        for (String[] p : PAIRS) {
            int ix = names.indexOf(p[0] + "USDT");
            int iy = names.indexOf(p[1] + "USDT");
            special.add(ix);
            special.add(iy);
            SymbolProfile x = profiles.get(ix);
            SymbolProfile y = profiles.get(iy);
            double beta = rng.uniform(0.8, 1.2);
            double alpha = StrictMath.log(y.startPrice()) - beta * StrictMath.log(x.startPrice());
            pairs.add(new PlantedPair(x.symbol(), y.symbol(), alpha, beta, params.pairRho(), params.pairSpreadVol()));
        }
        for (int i = n - nListed - nDelisted; i < n; i++) {
            special.add(i);
        }
        List<BarGap> gaps = gaps(spec, rng, names, special, startMs, days, hourlyStartMs, endMs);
        return new UniversePlan(spec, params, profiles, pairs, events, gaps, startMs, endMs, hourlyStartMs);
    }

    private static int pickHour(SeededRandom rng) {
        int[] hours = {0, 8, 12};
        return hours[rng.nextInt(hours.length)];
    }

    private static List<String> names(int n, SeededRandom rng) {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < n && i < REAL.length; i++) {
            names.add(REAL[i] + "USDT");
            taken.add(REAL[i]);
        }
        while (names.size() < n) {
            StringBuilder b = new StringBuilder();
            int syllables = 2 + rng.nextInt(2);
            for (int k = 0; k < syllables; k++) {
                b.append(CONSONANTS.charAt(rng.nextInt(CONSONANTS.length())));
                b.append(VOWELS.charAt(rng.nextInt(VOWELS.length())));
            }
            if (taken.add(b.toString())) {
                names.add(b + "USDT");
            }
        }
        return names;
    }

    private static SymbolProfile profile(String name, int i, SeededRandom rng, long first, long end) {
        double beta = i == 0 ? 1.0 : i == 1 ? 1.15 : rng.uniform(0.7, 1.5);
        double idio = i == 0 ? 0.006 : i == 1 ? 0.015 : rng.uniform(0.02, 0.045);
        double price = i < REAL.length ? REAL_PRICE[i] : StrictMath.pow(10, rng.uniform(-3, 2));
        double quoteVolume = i == 0 ? 1.5e9 : i == 1 ? 8e8 : StrictMath.pow(10, rng.uniform(6.5, 8.3));
        double tradeSize = StrictMath.pow(10, rng.uniform(2.3, 3.3));
        int magnitude = (int) Math.floor(StrictMath.log10(price));
        int priceScale = Math.max(2, Math.min(12, 4 - magnitude));
        int qtyScale = Math.max(0, Math.min(8, magnitude + 2));
        return new SymbolProfile(name, i, beta, idio, price, priceScale, qtyScale, quoteVolume, tradeSize, first, end);
    }

    private static List<BarGap> gaps(SampleUniverseSpec spec, SeededRandom rng, List<String> names, Set<Integer> special,
                                     long startMs, int days, long hourlyStartMs, long endMs) {
        List<Integer> plain = new ArrayList<>();
        List<Integer> hourlyPlain = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!special.contains(i)) {
                plain.add(i);
                if (i < spec.hourlySymbols()) {
                    hourlyPlain.add(i);
                }
            }
        }
        List<BarGap> gaps = new ArrayList<>();
        if (!spec.markets().contains(Market.SPOT)) {
            return gaps;
        }
        int wholeDayGaps = Math.max(2, names.size() / 16);
        for (int k = 0; k < wholeDayGaps && !plain.isEmpty(); k++) {
            int i = plain.remove(rng.nextInt(plain.size()));
            hourlyPlain.remove(Integer.valueOf(i));
            long day = startMs + (long) (days * rng.uniform(0.05, 0.95)) * UniversePlan.DAY;
            long len = (1 + rng.nextInt(2)) * UniversePlan.DAY;
            gaps.add(new BarGap(Market.SPOT, names.get(i), day, day + len));
        }
        int hourlyDays = (int) ((endMs - hourlyStartMs) / UniversePlan.DAY);
        for (int k = 0; k < 2 && !hourlyPlain.isEmpty() && hourlyDays > 2; k++) {
            int i = hourlyPlain.remove(rng.nextInt(hourlyPlain.size()));
            int hours = 2 + rng.nextInt(7);
            long day = hourlyStartMs + (1 + rng.nextInt(hourlyDays - 2)) * UniversePlan.DAY;
            long start = day + rng.nextInt(24 - hours) * UniversePlan.HOUR;
            gaps.add(new BarGap(Market.SPOT, names.get(i), start, start + hours * UniversePlan.HOUR));
        }
        return gaps;
    }
}
