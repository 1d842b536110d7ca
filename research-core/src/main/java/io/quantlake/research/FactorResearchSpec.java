package io.quantlake.research;

import io.quantlake.factor.Composite;
import io.quantlake.factor.Factor;
import io.quantlake.factor.FactorEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one factor study computes (the dates and universe come from the candles given to
 * {@link FactorResearch#run}, or from a {@link FactorResearchConfig}).
 *
 * @param factors     per-symbol factors to study (names unique)
 * @param composites  composite scores to study as well (their components are computed and studied too)
 * @param horizons    forward horizons in bars, distinct, each >= 1, in study order (e.g. 1, 5, 20)
 * @param quantiles   number of buckets per date by factor rank, >= 2 (5 = quintiles)
 * @param minSymbols  fewest symbols with both values for a date to count, >= max(3, quantiles): a date
 *                    with fewer is left out of every per-date statistic
 */
public record FactorResearchSpec(List<Factor> factors, List<Composite> composites, List<Integer> horizons,
                                 int quantiles, int minSymbols) {
    /** Default horizons: 1, 5 and 20 bars. */
    public static final List<Integer> DEFAULT_HORIZONS = List.of(1, 5, 20);
    /** Default number of quantile buckets (quintiles). */
    public static final int DEFAULT_QUANTILES = 5;
    /** Default minimum number of symbols per date. */
    public static final int DEFAULT_MIN_SYMBOLS = 5;

    public FactorResearchSpec {
        factors = List.copyOf(Objects.requireNonNull(factors, "factors"));
        composites = List.copyOf(Objects.requireNonNull(composites, "composites"));
        horizons = List.copyOf(Objects.requireNonNull(horizons, "horizons"));
        if (factors.isEmpty() && composites.isEmpty()) {
            throw new IllegalArgumentException("factor research needs at least one factor or composite");
        }
        if (horizons.isEmpty()) {
            throw new IllegalArgumentException("horizons must not be empty");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer h : horizons) {
            if (h == null || h < 1) {
                throw new IllegalArgumentException("horizons must be >= 1 bar, got " + h + " in " + horizons);
            }
            if (!seen.add(h)) {
                throw new IllegalArgumentException("horizon " + h + " is listed twice in " + horizons);
            }
        }
        if (quantiles < 2) {
            throw new IllegalArgumentException("quantiles must be >= 2, got " + quantiles);
        }
        if (minSymbols < Math.max(3, quantiles)) {
            throw new IllegalArgumentException("minSymbols must be >= max(3, quantiles = " + quantiles + "), got " + minSymbols);
        }
        new FactorEngine(factors, composites); // validates unique names and consistent composite components
    }

    /** A spec for {@code factors} with the default quantiles (5) and minimum symbols (5). */
    public static FactorResearchSpec of(List<Factor> factors, List<Integer> horizons) {
        return new FactorResearchSpec(factors, List.of(), horizons, DEFAULT_QUANTILES, DEFAULT_MIN_SYMBOLS);
    }

    /** The engine computing every studied score. */
    public FactorEngine engine() {
        return new FactorEngine(factors, composites);
    }

    /** Names of the studied scores in output order: factors, composite components not listed, composites. */
    public List<String> names() {
        return engine().names();
    }

    /** The horizons as an array, in spec order. */
    public int[] horizonArray() {
        int[] out = new int[horizons.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = horizons.get(k);
        }
        return out;
    }

    @Override
    public String toString() {
        List<String> h = new ArrayList<>();
        for (Integer x : horizons) {
            h.add(String.valueOf(x));
        }
        return "FactorResearchSpec" + names() + " horizons " + String.join(",", h) + ", " + quantiles + " quantiles, min "
                + minSymbols + " symbols";
    }
}
