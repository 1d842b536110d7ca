package io.quantlake.datasets;

import io.quantlake.market.Market;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to generate: a synthetic Binance-like universe in the public archive layout.
 *
 * @param seed          the only source of randomness: same spec, same bytes
 * @param symbols       universe size; the first names are real-looking ({@code BTCUSDT}, …), then synthetic;
 *                      at least {@value #MIN_SYMBOLS} so that every planted effect has its symbols
 * @param start         first UTC day of the sample; must be the first day of a month (archive files are monthly)
 * @param years         length of the 1d history in years (the sample ends at {@code start + years}, exclusive)
 * @param hourlyMonths  how many months at the end of the sample also get 1h files (0 for none)
 * @param hourlySymbols how many symbols (the first ones) get 1h files
 * @param markets       markets to write: spot for every symbol; USDⓈ-M for the first {@code usdmSymbols}
 * @param usdmSymbols   how many symbols (the first ones) get USDⓈ-M klines and funding rates
 * @param outDir        root of the archive tree ({@code spot/monthly/...}, {@code futures/um/monthly/...})
 * @param minuteDays    how many days at the end of the sample also get 1m files, for every symbol that has 1h
 *                      files (0 for none; at most the 1h period)
 */
public record SampleUniverseSpec(long seed, int symbols, LocalDate start, int years, int hourlyMonths,
                                 int hourlySymbols, Set<Market> markets, int usdmSymbols, Path outDir, int minuteDays) {

    /** The smallest universe that holds the planted pairs, listings, delistings and gaps. */
    public static final int MIN_SYMBOLS = 16;
    /** The seed of the committed sample. */
    public static final long DEFAULT_SEED = 2024L;

    public SampleUniverseSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(markets, "markets");
        Objects.requireNonNull(outDir, "outDir");
        if (symbols < MIN_SYMBOLS || symbols > 5000) {
            throw new IllegalArgumentException("symbols must be in [" + MIN_SYMBOLS + ", 5000], got " + symbols);
        }
        if (start.getDayOfMonth() != 1 || start.getYear() < 2000) {
            throw new IllegalArgumentException("start must be the first day of a month from 2000 on, got " + start);
        }
        if (years < 1 || years > 20) {
            throw new IllegalArgumentException("years must be in [1, 20], got " + years);
        }
        if (hourlyMonths < 0 || hourlyMonths > years * 12) {
            throw new IllegalArgumentException("hourlyMonths must be in [0, " + years * 12 + "], got " + hourlyMonths);
        }
        if (hourlySymbols < 0 || hourlySymbols > symbols) {
            throw new IllegalArgumentException("hourlySymbols must be in [0, " + symbols + "], got " + hourlySymbols);
        }
        long hourlyDays = java.time.temporal.ChronoUnit.DAYS.between(start.plusYears(years).minusMonths(hourlyMonths),
                start.plusYears(years));
        if (minuteDays < 0 || minuteDays > hourlyDays) {
            throw new IllegalArgumentException("minuteDays must be in [0, " + hourlyDays
                    + "] (the days with 1h files), got " + minuteDays);
        }
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("markets must name at least one of spot, usdm");
        }
        markets = Collections.unmodifiableSet(EnumSet.copyOf(markets));
        int minUsdm = markets.contains(Market.USDM) ? 1 : 0;
        if (usdmSymbols < minUsdm || usdmSymbols > symbols) {
            throw new IllegalArgumentException("usdmSymbols must be in [" + minUsdm + ", " + symbols
                    + "] with markets " + markets + ", got " + usdmSymbols);
        }
    }

    /** A spec without 1m files. */
    public SampleUniverseSpec(long seed, int symbols, LocalDate start, int years, int hourlyMonths,
                              int hourlySymbols, Set<Market> markets, int usdmSymbols, Path outDir) {
        this(seed, symbols, start, years, hourlyMonths, hourlySymbols, markets, usdmSymbols, outDir, 0);
    }

    /**
     * The committed sample ({@code datasets/sample/}): 40 symbols, 1d spot 2022-01 → 2024-12, 1h for
     * the first 12 symbols over 2024-11 and 2024-12, USDⓈ-M 1d, 1h and funding for the first 8.
     */
    public static SampleUniverseSpec defaultSample(Path outDir) {
        return new SampleUniverseSpec(DEFAULT_SEED, 40, LocalDate.of(2022, 1, 1), 3, 2, 12,
                EnumSet.of(Market.SPOT, Market.USDM), 8, outDir);
    }

    /** A benchmark size: 150 symbols, 4 years of 1d, 12 months of 1h for all, USDⓈ-M for 50 (2.2 M rows, ≈ 100 MB of zips). */
    public static SampleUniverseSpec large(Path outDir) {
        return new SampleUniverseSpec(DEFAULT_SEED, 150, LocalDate.of(2021, 1, 1), 4, 12, 150,
                EnumSet.of(Market.SPOT, Market.USDM), 50, outDir);
    }

    /**
     * The minute-scale universe (not committed; ≈ 50 M 1m rows, ≈ 2 GB of zips): 100 symbols, spot only,
     * 2024, 1d, 1h and 1m files for every symbol over the whole year, with the listings, delistings and gaps of
     * the planner. Generated one symbol-month at a time, in bounded memory.
     */
    public static SampleUniverseSpec minute(Path outDir) {
        return minute(outDir, 100, 366);
    }

    /**
     * A minute-scale universe of {@code symbols} symbols whose last {@code days} days (of the year 2024) have
     * 1m files; 1d and 1h files cover the whole year. Spot only.
     */
    public static SampleUniverseSpec minute(Path outDir, int symbols, int days) {
        return new SampleUniverseSpec(DEFAULT_SEED, symbols, LocalDate.of(2024, 1, 1), 1, 12, symbols,
                EnumSet.of(Market.SPOT), 0, outDir, days);
    }

    /** A preset by name: {@code default}, {@code large} or {@code minute}; the error lists the accepted names. */
    public static SampleUniverseSpec preset(String name, Path outDir) {
        switch (name) {
            case "default":
                return defaultSample(outDir);
            case "large":
                return large(outDir);
            case "minute":
                return minute(outDir);
            default:
                throw new IllegalArgumentException("unknown size '" + name + "'; accepted: default, large, minute");
        }
    }

    /** This spec with another seed. */
    public SampleUniverseSpec withSeed(long newSeed) {
        return new SampleUniverseSpec(newSeed, symbols, start, years, hourlyMonths, hourlySymbols, markets, usdmSymbols,
                outDir, minuteDays);
    }

    /** This spec writing to another directory. */
    public SampleUniverseSpec withOutDir(Path dir) {
        return new SampleUniverseSpec(seed, symbols, start, years, hourlyMonths, hourlySymbols, markets, usdmSymbols,
                dir, minuteDays);
    }

    /** The exclusive end day of the sample. */
    public LocalDate end() {
        return start.plusYears(years);
    }

    /** The first day that has 1m files (the end when there are none). */
    public LocalDate minuteStart() {
        return end().minusDays(minuteDays);
    }

    /** The first day that has 1h files. */
    public LocalDate hourlyStart() {
        return end().minusMonths(hourlyMonths);
    }
}
