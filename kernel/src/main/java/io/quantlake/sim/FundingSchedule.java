package io.quantlake.sim;

import io.quantlake.market.FundingRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The funding records of one usdm symbol (SIMULATION.md §8), resolved to primitive arrays.
 *
 * @param times UTC epoch ms of each funding, strictly increasing
 * @param rates funding rate per funding interval as a fraction (longs pay when positive)
 * @param marks mark price in quote currency per funding, NaN when the source has none
 */
public record FundingSchedule(long[] times, double[] rates, double[] marks) {
    public FundingSchedule {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(marks, "marks");
        if (rates.length != times.length || marks.length != times.length) {
            throw new IllegalArgumentException("funding schedule arrays differ in length: times " + times.length
                    + ", rates " + rates.length + ", marks " + marks.length);
        }
        for (int k = 0; k < times.length; k++) {
            if (k > 0 && times[k] <= times[k - 1]) {
                throw new IllegalArgumentException("funding times must be strictly increasing: times[" + k + "]="
                        + times[k] + " <= " + times[k - 1]);
            }
            if (!Double.isFinite(rates[k])) {
                throw new IllegalArgumentException("funding rate at " + times[k] + " must be finite, got " + rates[k]);
            }
            if (!Double.isNaN(marks[k]) && !(marks[k] > 0)) {
                throw new IllegalArgumentException("funding mark at " + times[k] + " must be > 0 or NaN, got " + marks[k]);
            }
        }
        times = times.clone();
        rates = rates.clone();
        marks = marks.clone();
    }

    /** A schedule without mark prices. */
    public static FundingSchedule of(long[] times, double[] rates) {
        double[] marks = new double[times.length];
        java.util.Arrays.fill(marks, Double.NaN);
        return new FundingSchedule(times, rates, marks);
    }

    /**
     * Groups funding records by symbol into schedules sorted by funding time (symbols in name order).
     * Two records of one symbol at the same time are an error naming both.
     */
    public static Map<String, FundingSchedule> bySymbol(Collection<FundingRecord> records) {
        Map<String, List<FundingRecord>> groups = new TreeMap<>();
        for (FundingRecord r : records) {
            groups.computeIfAbsent(r.symbol(), k -> new ArrayList<>()).add(r);
        }
        Map<String, FundingSchedule> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<FundingRecord>> e : groups.entrySet()) {
            List<FundingRecord> g = e.getValue();
            g.sort(Comparator.comparingLong(FundingRecord::fundingTime));
            long[] times = new long[g.size()];
            double[] rates = new double[g.size()];
            double[] marks = new double[g.size()];
            for (int k = 0; k < g.size(); k++) {
                FundingRecord r = g.get(k);
                if (k > 0 && r.fundingTime() == times[k - 1]) {
                    throw new IllegalArgumentException("two funding records for " + e.getKey() + " at " + r.fundingTime()
                            + ": " + g.get(k - 1) + " and " + r);
                }
                times[k] = r.fundingTime();
                rates[k] = r.fundingRate();
                marks[k] = r.markPrice();
            }
            out.put(e.getKey(), new FundingSchedule(times, rates, marks));
        }
        return out;
    }

    public int size() {
        return times.length;
    }

    /** Index of the first funding time {@code >= fromMs}. */
    public int firstAtOrAfter(long fromMs) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < fromMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
