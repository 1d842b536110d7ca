package io.quantlake.schedule;

/**
 * Allocation-free UTC calendar arithmetic on epoch milliseconds (proleptic Gregorian, as
 * {@link java.time.LocalDate}), for schedules evaluated over a whole grid.
 */
public final class UtcCalendar {
    private static final long DAY_MS = 86_400_000L;

    private UtcCalendar() {
    }

    /** Days since 1970-01-01 of the UTC date containing {@code epochMs}. */
    public static long epochDay(long epochMs) {
        return Math.floorDiv(epochMs, DAY_MS);
    }

    /** ISO day of week of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday, 4). */
    public static int isoDayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L) + 1;
    }

    /** A number identifying the ISO week (Monday to Sunday) of an epoch day; consecutive weeks differ by 1. */
    public static long isoWeekIndex(long epochDay) {
        return Math.floorDiv(epochDay + 3, 7L);
    }

    /** {@code year * 12 + (month − 1)} of an epoch day: identifies the calendar month. */
    public static long monthIndex(long epochDay) {
        long civil = civil(epochDay);
        return (civil >> 9) * 12 + ((civil >> 5) & 15) - 1;
    }

    /** Day of month (1–31) of an epoch day. */
    public static int dayOfMonth(long epochDay) {
        return (int) (civil(epochDay) & 31);
    }

    /**
     * Civil date of an epoch day packed as {@code year << 9 | month << 5 | day} (H. Hinnant's
     * days-to-civil algorithm, exact for every {@code long} day in range of {@code LocalDate}).
     */
    private static long civil(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return (year << 9) | (month << 5) | day;
    }
}
