package io.quantlake.tearsheet;

import io.quantlake.ledger.Ledger;
import io.quantlake.ledger.TradeEventType;
import io.quantlake.schedule.UtcCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and traded notional of a ledger for the reports.
 *
 * @param typeCounts    rows per event type, {@code typeCounts[k]} for the {@link TradeEventType} of ordinal {@code k}
 *                      (SIMULATION.md §6 order)
 * @param reasonCounts  rows per {@code "TYPE reason"} (reason code), sorted by type order then reason
 * @param months        calendar months (UTC) from the first to the last equity bar, as {@code yyyy-MM}
 * @param monthlyTraded Σ |qty| · price of the trade rows (not FUNDING) filled in each month, USDT (R28's
 *                      numerator, per month; 0 for a month without trades)
 */
public record LedgerSummary(int[] typeCounts, Map<String, Integer> reasonCounts, List<String> months,
                            double[] monthlyTraded) {
    /** Summarizes {@code ledger} over the months of the equity grid {@code gridTimes}. */
    public static LedgerSummary of(Ledger ledger, long[] gridTimes) {
        int[] counts = new int[TradeEventType.values().length];
        Map<String, Integer> reasons = new TreeMap<>((a, b) -> {
            int byType = Integer.compare(typeIndex(a), typeIndex(b));
            return byType != 0 ? byType : a.compareTo(b);
        });
        long first = month(gridTimes[0]);
        long last = month(gridTimes[gridTimes.length - 1]);
        double[] traded = new double[(int) (last - first + 1)];
        for (int k = 0; k < ledger.size(); k++) {
            TradeEventType type = ledger.type(k);
            counts[type.ordinal()]++;
            reasons.merge(type.name() + " " + ledger.reason(k).code(), 1, Integer::sum);
            if (type != TradeEventType.FUNDING) {
                long m = month(ledger.time(k));
                if (m < first || m > last) {
                    throw new IllegalArgumentException("ledger row " + (k + 1) + ": fill time "
                            + Instant.ofEpochMilli(ledger.time(k)) + " is outside the months of the run's bars");
                }
                traded[(int) (m - first)] += Math.abs(ledger.qty(k)) * ledger.price(k);
            }
        }
        String[] months = new String[traded.length];
        for (int m = 0; m < months.length; m++) {
            long index = first + m;
            months[m] = String.format(Locale.ROOT, "%04d-%02d", index / 12, index % 12 + 1);
        }
        return new LedgerSummary(counts, reasons, List.of(months), traded);
    }

    private static int typeIndex(String typeAndReason) {
        return TradeEventType.valueOf(typeAndReason.substring(0, typeAndReason.indexOf(' '))).ordinal();
    }

    private static long month(long epochMs) {
        return UtcCalendar.monthIndex(UtcCalendar.epochDay(epochMs));
    }
}
