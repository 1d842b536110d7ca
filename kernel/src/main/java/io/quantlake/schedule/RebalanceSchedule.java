package io.quantlake.schedule;

import java.util.Arrays;
import java.util.function.LongToIntFunction;
import java.util.function.LongUnaryOperator;

/**
 * When a weight strategy decides (SIMULATION.md §5, R24). A schedule is fixed by the calendar of
 * the grid alone (§12.12): {@link #decisionBars} looks at bar open times only, and whether bar
 * {@code t} is scheduled depends only on {@code times[0..t]}.
 *
 * <p>YAML shapes (CLI.md): {@code every_bar}, {@code daily}, {@code threshold},
 * {@code {every: N}}, {@code {weekly: D}} (1 = Monday … 7, or a day name such as {@code mon} or
 * {@code monday}), {@code {monthly: D}} (1–31); io.quantlake.config.StrategyBinder binds them.
 */
public sealed interface RebalanceSchedule {
    /** Accepted YAML shapes, for errors. */
    String ACCEPTED = "one of every_bar, daily, threshold, {every: N}, {weekly: D}, {monthly: D}";

    /** {@code result[t]} is true when the strategy decides at grid bar {@code t}. */
    boolean[] decisionBars(long[] times);

    /**
     * Whether this is the {@code threshold} schedule: decide at every bar, and the kernel trades
     * only when some symbol is outside the band (RebalanceRule#threshold).
     */
    default boolean threshold() {
        return false;
    }

    /** Every grid bar. */
    record EveryBar() implements RebalanceSchedule {
        @Override
        public boolean[] decisionBars(long[] times) {
            boolean[] out = new boolean[times.length];
            Arrays.fill(out, true);
            return out;
        }
    }

    /** Grid indices 0, N, 2N, … (R24). */
    record Every(int bars) implements RebalanceSchedule {
        public Every {
            if (bars < 1) {
                throw new IllegalArgumentException("every: N needs N >= 1, got " + bars);
            }
        }

        @Override
        public boolean[] decisionBars(long[] times) {
            boolean[] out = new boolean[times.length];
            for (int t = 0; t < times.length; t += bars) {
                out[t] = true;
            }
            return out;
        }
    }

    /** The first grid bar of each UTC date. */
    record Daily() implements RebalanceSchedule {
        @Override
        public boolean[] decisionBars(long[] times) {
            boolean[] out = new boolean[times.length];
            long prevDay = Long.MIN_VALUE;
            for (int t = 0; t < times.length; t++) {
                long day = UtcCalendar.epochDay(times[t]);
                out[t] = day != prevDay;
                prevDay = day;
            }
            return out;
        }
    }

    /** In each ISO week (Monday–Sunday, UTC), the first grid bar whose ISO weekday is {@code >= isoDay}. */
    record Weekly(int isoDay) implements RebalanceSchedule {
        public Weekly {
            if (isoDay < 1 || isoDay > 7) {
                throw new IllegalArgumentException("weekly: D needs D in 1..7 (1 = Monday), got " + isoDay);
            }
        }

        @Override
        public boolean[] decisionBars(long[] times) {
            return firstPerPeriod(times, UtcCalendar::isoWeekIndex, UtcCalendar::isoDayOfWeek, isoDay);
        }
    }

    /**
     * In each UTC month, the first grid bar whose day of month is {@code >= day}; a month without
     * such a bar gets no decision (R24).
     */
    record Monthly(int day) implements RebalanceSchedule {
        public Monthly {
            if (day < 1 || day > 31) {
                throw new IllegalArgumentException("monthly: D needs D in 1..31, got " + day);
            }
        }

        @Override
        public boolean[] decisionBars(long[] times) {
            return firstPerPeriod(times, UtcCalendar::monthIndex, UtcCalendar::dayOfMonth, day);
        }
    }

    /** Decide at every bar; trade only when some {@code |w_i − cw_i| >= band} (SIMULATION.md §5). */
    record Threshold() implements RebalanceSchedule {
        @Override
        public boolean[] decisionBars(long[] times) {
            return new EveryBar().decisionBars(times);
        }

        @Override
        public boolean threshold() {
            return true;
        }
    }

    /**
     * In each calendar period (of the bar's UTC epoch day), the first bar whose calendar field is
     * {@code >= min}; periods without one get nothing.
     */
    private static boolean[] firstPerPeriod(long[] times, LongUnaryOperator period, LongToIntFunction field, int min) {
        boolean[] out = new boolean[times.length];
        long done = Long.MIN_VALUE;
        for (int t = 0; t < times.length; t++) {
            long day = UtcCalendar.epochDay(times[t]);
            long p = period.applyAsLong(day);
            if (p != done && field.applyAsInt(day) >= min) {
                out[t] = true;
                done = p;
            }
        }
        return out;
    }
}
