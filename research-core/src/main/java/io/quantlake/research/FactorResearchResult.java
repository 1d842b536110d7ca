package io.quantlake.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one factor study found, as immutable values; {@link ResearchTables} turns them into
 * Datasets for the Delta tables keyed by run.
 *
 * @param spec            what was studied
 * @param factors         the studied score names ({@link FactorResearchSpec#names()})
 * @param ic              per-date ICs, ordered by factor (spec order), horizon (spec order), date
 * @param summaries       one per factor and horizon, same order
 * @param quantileReturns mean forward return per factor, horizon and quantile, same order then by quantile
 * @param stability       per-date turnover and rank autocorrelation, ordered by factor, then date
 * @param correlation     the factor correlation matrix
 */
public record FactorResearchResult(FactorResearchSpec spec, List<String> factors, List<IcPoint> ic,
                                   List<IcSummary> summaries, List<QuantileReturn> quantileReturns,
                                   List<StabilityPoint> stability, FactorCorrelation correlation) {
    public FactorResearchResult {
        Objects.requireNonNull(spec, "spec");
        factors = List.copyOf(factors);
        ic = List.copyOf(ic);
        summaries = List.copyOf(summaries);
        quantileReturns = List.copyOf(quantileReturns);
        stability = List.copyOf(stability);
        Objects.requireNonNull(correlation, "correlation");
    }

    /** The per-date ICs of one score and horizon, by date. */
    public List<IcPoint> ic(String factor, int horizon) {
        List<IcPoint> out = new ArrayList<>();
        for (IcPoint p : ic) {
            if (p.factor().equals(factor) && p.horizon() == horizon) {
                out.add(p);
            }
        }
        return out;
    }

    /** The summary of one score and horizon; the error lists what was studied. */
    public IcSummary summary(String factor, int horizon) {
        for (IcSummary s : summaries) {
            if (s.factor().equals(factor) && s.horizon() == horizon) {
                return s;
            }
        }
        throw new IllegalArgumentException("no summary for factor " + factor + " at horizon " + horizon + "; studied "
                + factors + " at horizons " + spec.horizons());
    }

    /** IC decay: the summaries of one score at every horizon, in ascending horizon order. */
    public List<IcSummary> decay(String factor) {
        List<IcSummary> out = new ArrayList<>();
        for (IcSummary s : summaries) {
            if (s.factor().equals(factor)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("factor " + factor + " was not studied; studied " + factors);
        }
        out.sort((a, b) -> Integer.compare(a.horizon(), b.horizon()));
        return out;
    }

    /** The quantile mean forward returns of one score and horizon, bucket 1 (lowest score) first. */
    public List<QuantileReturn> quantileReturns(String factor, int horizon) {
        List<QuantileReturn> out = new ArrayList<>();
        for (QuantileReturn q : quantileReturns) {
            if (q.factor().equals(factor) && q.horizon() == horizon) {
                out.add(q);
            }
        }
        return out;
    }

    /** The per-date stability of one score, by date. */
    public List<StabilityPoint> stability(String factor) {
        List<StabilityPoint> out = new ArrayList<>();
        for (StabilityPoint p : stability) {
            if (p.factor().equals(factor)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Assembles a result, computing each {@link IcSummary} from the per-date series.
     *
     * @param ic        per-date ICs in any order (sorted here)
     * @param stability per-date stability in any order (sorted here)
     */
    static FactorResearchResult assemble(FactorResearchSpec spec, List<IcPoint> ic, List<QuantileReturn> quantiles,
                                         List<StabilityPoint> stability, FactorCorrelation correlation) {
        List<String> names = spec.names();
        List<Integer> horizons = spec.horizons();
        List<IcPoint> sortedIc = new ArrayList<>(ic);
        sortedIc.sort((a, b) -> {
            int c = Integer.compare(names.indexOf(a.factor()), names.indexOf(b.factor()));
            c = c != 0 ? c : Integer.compare(horizons.indexOf(a.horizon()), horizons.indexOf(b.horizon()));
            return c != 0 ? c : Long.compare(a.ts(), b.ts());
        });
        List<QuantileReturn> sortedQ = new ArrayList<>(quantiles);
        sortedQ.sort((a, b) -> {
            int c = Integer.compare(names.indexOf(a.factor()), names.indexOf(b.factor()));
            c = c != 0 ? c : Integer.compare(horizons.indexOf(a.horizon()), horizons.indexOf(b.horizon()));
            return c != 0 ? c : Integer.compare(a.quantile(), b.quantile());
        });
        List<StabilityPoint> sortedS = new ArrayList<>(stability);
        sortedS.sort((a, b) -> {
            int c = Integer.compare(names.indexOf(a.factor()), names.indexOf(b.factor()));
            return c != 0 ? c : Long.compare(a.ts(), b.ts());
        });
        List<IcSummary> summaries = new ArrayList<>();
        for (String f : names) {
            double[] turnover = sortedS.stream().filter(p -> p.factor().equals(f)).mapToDouble(StabilityPoint::turnover).toArray();
            double[] autocorr = sortedS.stream().filter(p -> p.factor().equals(f)).mapToDouble(StabilityPoint::rankAutocorr).toArray();
            double meanTurnover = SeriesStats.of(turnover).mean();
            double meanAutocorr = SeriesStats.of(autocorr).mean();
            for (int h : horizons) {
                List<IcPoint> series = sortedIc.stream().filter(p -> p.factor().equals(f) && p.horizon() == h).toList();
                double[] ics = series.stream().mapToDouble(IcPoint::ic).toArray();
                double[] rankIcs = series.stream().mapToDouble(IcPoint::rankIc).toArray();
                summaries.add(new IcSummary(f, h, SeriesStats.of(ics), SeriesStats.of(rankIcs),
                        SeriesStats.of(series.stream().mapToDouble(IcPoint::spread).toArray()),
                        SeriesStats.everyNth(ics, h), SeriesStats.everyNth(rankIcs, h), meanTurnover, meanAutocorr));
            }
        }
        return new FactorResearchResult(spec, names, sortedIc, summaries, sortedQ, sortedS, correlation);
    }
}
