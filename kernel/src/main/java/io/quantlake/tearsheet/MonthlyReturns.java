package io.quantlake.tearsheet;

import io.quantlake.schedule.UtcCalendar;
import java.util.Arrays;

/**
 * Calendar-month (UTC) returns of an equity curve, laid out for a heatmap: row {@code y} is year
 * {@code firstYear + y}, column {@code m} is month {@code m + 1}; {@code values[y * 12 + m]}.
 *
 * <p>A month's return is {@code E_last(month) / E_base − 1}, where {@code E_last(month)} is the equity at
 * the close of the month's last bar and {@code E_base} is the equity at the close of the last bar before
 * the month; for the first month it is the first bar's equity {@code E_0} (as metrics' total return:
 * the first bar's own return is not counted). A month (or year) without bars is NaN. The same rule per calendar year
 * gives {@code yearly[y]}, which equals the product of the year's {@code (1 + monthly)} minus 1.
 */
public record MonthlyReturns(int firstYear, double[] values, double[] yearly) {
    public MonthlyReturns {
        if (values.length != yearly.length * 12) {
            throw new IllegalArgumentException("monthly returns: " + values.length + " values for " + yearly.length
                    + " years");
        }
    }

    /** Number of calendar years covered (rows). */
    public int years() {
        return yearly.length;
    }

    /** The return of {@code year}'s month {@code month} (1–12); NaN when that month has no bar. */
    public double of(int year, int month) {
        return values[(year - firstYear) * 12 + month - 1];
    }

    /** Computes the month and year returns of {@code equity} at bar open {@code times} (UTC epoch ms). */
    public static MonthlyReturns of(long[] times, double[] equity) {
        Builder b = new Builder(times);
        for (double e : equity) {
            b.add(e);
        }
        return b.build();
    }

    /** {@link #of} with the equity given bar by bar (e.g. read from a run's scratch files chunk by chunk). */
    public static final class Builder {
        private final long[] times;
        private final int firstYear;
        private final double[] values;
        private final double[] yearly;
        private int t;
        private double monthBase;
        private double yearBase;

        /** The month returns over the bars open at {@code times} (UTC epoch ms). */
        public Builder(long[] times) {
            this.times = times;
            if (times.length == 0) {
                firstYear = 1970;
                values = new double[0];
                yearly = new double[0];
                return;
            }
            long firstMonth = UtcCalendar.monthIndex(UtcCalendar.epochDay(times[0]));
            long lastMonth = UtcCalendar.monthIndex(UtcCalendar.epochDay(times[times.length - 1]));
            firstYear = (int) (firstMonth / 12);
            int years = (int) (lastMonth / 12) - firstYear + 1;
            values = new double[years * 12];
            yearly = new double[years];
            Arrays.fill(values, Double.NaN);
            Arrays.fill(yearly, Double.NaN);
        }

        /** The equity at the next bar's close. */
        public void add(double e) {
            if (t >= times.length) {
                throw new IllegalStateException("more equity values than the " + times.length + " bars");
            }
            if (t == 0) {
                monthBase = e;
                yearBase = e;
            }
            long month = UtcCalendar.monthIndex(UtcCalendar.epochDay(times[t]));
            boolean lastOfMonth = t + 1 == times.length
                    || UtcCalendar.monthIndex(UtcCalendar.epochDay(times[t + 1])) != month;
            if (lastOfMonth) {
                values[(int) (month - 12L * firstYear)] = e / monthBase - 1;
                monthBase = e;
                boolean lastOfYear = t + 1 == times.length
                        || UtcCalendar.monthIndex(UtcCalendar.epochDay(times[t + 1])) / 12 != month / 12;
                if (lastOfYear) {
                    yearly[(int) (month / 12) - firstYear] = e / yearBase - 1;
                    yearBase = e;
                }
            }
            t++;
        }

        /** The returns, once every bar's equity was given. */
        public MonthlyReturns build() {
            if (t != times.length) {
                throw new IllegalStateException(t + " of the " + times.length + " bars' equity were given");
            }
            return new MonthlyReturns(firstYear, values, yearly);
        }
    }
}
