package io.quantlake.research;

import io.quantlake.factor.FactorNames;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built factor study of {@code mom_30_1} and {@code rev_1} at horizons 1 and 5, 3 quantiles, daily
 * dates from 2024-01-01: IC alternates {@code base, base + 0.2} (base 0.1 for momentum, −0.2 for reversal),
 * rank IC {@code base + 0.1, base + 0.2}, spread 1 % (momentum) or −0.5 %, quantile q's mean forward return
 * {@code sign · q · h / 1000}, turnover 0.2 and rank autocorrelation 0.9 (momentum) or 0.1.
 */
final class SyntheticFactorResult {
    static final long START = 1_704_067_200_000L;
    static final long DAY = 86_400_000L;

    private SyntheticFactorResult() {
    }

    static FactorResearchResult of(int dates) {
        List<String> names = List.of("mom_30_1", "rev_1");
        List<Integer> horizons = List.of(1, 5);
        FactorResearchSpec spec = new FactorResearchSpec(names.stream().map(FactorNames::parse).toList(), List.of(),
                horizons, 3, 5);
        List<IcPoint> ic = new ArrayList<>();
        List<IcSummary> summaries = new ArrayList<>();
        List<QuantileReturn> quantiles = new ArrayList<>();
        List<StabilityPoint> stability = new ArrayList<>();
        for (String f : names) {
            boolean mom = f.equals("mom_30_1");
            double base = mom ? 0.1 : -0.2;
            double spread = mom ? 0.01 : -0.005;
            for (int k = 0; k < dates; k++) {
                stability.add(new StabilityPoint(f, START + k * DAY, 10, k == 0 ? Double.NaN : 0.2, k == 0 ? 0 : 10,
                        k == 0 ? Double.NaN : mom ? 0.9 : 0.1));
            }
            for (int h : horizons) {
                double[] ics = new double[dates];
                double[] ranks = new double[dates];
                double[] spreads = new double[dates];
                for (int k = 0; k < dates; k++) {
                    ics[k] = base + 0.2 * (k % 2);
                    ranks[k] = base + 0.1 + 0.1 * (k % 2);
                    spreads[k] = spread;
                    ic.add(new IcPoint(f, h, START + k * DAY, 10, ics[k], ranks[k], spreads[k]));
                }
                summaries.add(new IcSummary(f, h, SeriesStats.of(ics), SeriesStats.of(ranks), SeriesStats.of(spreads),
                        SeriesStats.everyNth(ics, h), SeriesStats.everyNth(ranks, h), 0.2, mom ? 0.9 : 0.1));
                for (int q = 1; q <= 3; q++) {
                    quantiles.add(new QuantileReturn(f, h, q, (mom ? 1 : -1) * q * h / 1000.0, dates));
                }
            }
        }
        FactorCorrelation corr = new FactorCorrelation(names, new double[][] {{1, -0.3}, {-0.3, 1}},
                new int[][] {{dates, dates}, {dates, dates}});
        return new FactorResearchResult(spec, names, ic, summaries, quantiles, stability, corr);
    }
}
