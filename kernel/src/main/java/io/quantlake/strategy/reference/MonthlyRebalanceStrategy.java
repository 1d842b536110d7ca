package io.quantlake.strategy.reference;

import io.quantlake.panel.Panel;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.schedule.UtcCalendar;
import io.quantlake.strategy.TargetWeights;
import io.quantlake.strategy.WeightStrategy;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code monthly_rebalance} (CLI.md): constant target weights, decided at grid bar 0 and then, in
 * each later UTC month, at the first bar whose day of month is {@code >= day} (R24, §12.12: not
 * again in the first month; a month without such a bar has no decision).
 *
 * <p>Every existing symbol is valid, with or without a bar at {@code t} (R7); a symbol that does
 * not exist at {@code t} (not yet listed, or at/after its delisting bar) gets 0, as does a
 * universe symbol missing from {@code targetWeights}. A decision bar where no symbol exists is no
 * decision (R25).
 *
 * @param targetWeights symbol → weight as a fraction of equity (negative = short)
 * @param day           day of month 1–31 (default 1)
 */
public record MonthlyRebalanceStrategy(Map<String, Double> targetWeights, int day)
        implements WeightStrategy {
    public MonthlyRebalanceStrategy {
        targetWeights = Collections.unmodifiableMap(new LinkedHashMap<>(targetWeights));
        for (Map.Entry<String, Double> e : targetWeights.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("target weight of " + e.getKey() + " must be finite, got " + e.getValue());
            }
        }
        if (day < 1 || day > 31) {
            throw new IllegalArgumentException("monthly_rebalance day must be in 1..31, got " + day);
        }
    }

    @Override
    public String name() {
        return "monthly_rebalance";
    }

    /** None: a decision reads the calendar and which symbols exist only. */
    @Override
    public int warmupBars() {
        return 0;
    }

    @Override
    public TargetWeights targets(Panel panel) {
        int n = panel.symbolCount();
        double[] base = new double[n];
        for (Map.Entry<String, Double> e : targetWeights.entrySet()) {
            int i = panel.indexOf(e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("monthly_rebalance: target_weights symbol " + e.getKey()
                        + " is not in the universe " + Arrays.toString(panel.symbols()));
            }
            base[i] = e.getValue();
        }
        long[] times = panel.times();
        boolean[] decision = panel.scheduled(java.util.List.of("monthly_rebalance", day), all -> decisionBars(all, day));
        double[] w = new double[times.length * n];
        Arrays.fill(w, Double.NaN);
        for (int t = 0; t < times.length; t++) {
            if (!decision[t]) {
                continue;
            }
            boolean any = false;
            for (int i = 0; i < n; i++) {
                boolean exists = panel.exists(t, i);
                w[t * n + i] = exists ? base[i] : 0.0;
                any |= exists;
            }
            if (!any) {
                decision[t] = false;
                Arrays.fill(w, t * n, t * n + n, Double.NaN);
            }
        }
        return new TargetWeights(times.length, n, decision, w);
    }

    /** Grid bar 0, then the {@code monthly: day} bars of every month after the first (R24). */
    static boolean[] decisionBars(long[] times, int day) {
        boolean[] out = new RebalanceSchedule.Monthly(day).decisionBars(times);
        if (times.length == 0) {
            return out;
        }
        long firstMonth = UtcCalendar.monthIndex(UtcCalendar.epochDay(times[0]));
        for (int t = 0; t < times.length && UtcCalendar.monthIndex(UtcCalendar.epochDay(times[t])) == firstMonth; t++) {
            out[t] = false;
        }
        out[0] = true;
        return out;
    }
}
