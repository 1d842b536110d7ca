package io.quantlake.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.config.ConfigNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden grids for SIMULATION.md §5 and R24. */
class RebalanceScheduleTest {

    /** Grid from ISO instants ("2024-01-01" means 00:00 UTC). */
    static long[] grid(String... isoTimes) {
        long[] out = new long[isoTimes.length];
        for (int k = 0; k < isoTimes.length; k++) {
            String s = isoTimes[k];
            out[k] = s.length() == 10 ? LocalDate.parse(s).toEpochDay() * 86_400_000L : Instant.parse(s).toEpochMilli();
        }
        return out;
    }

    /** The indices where {@code bars} is true. */
    static int[] indices(boolean[] bars) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < bars.length; t++) {
            if (bars[t]) {
                out.add(t);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void everyNIsGridIndicesZeroNTwoN() {
        long[] times = grid("2024-01-01", "2024-01-02", "2024-01-05", "2024-01-06", "2024-01-07", "2024-01-09",
                "2024-01-10", "2024-01-11");
        // indices, not calendar days: 0, 3, 6 whatever the gaps
        assertArrayEquals(new int[] {0, 3, 6}, indices(new RebalanceSchedule.Every(3).decisionBars(times)));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, indices(new RebalanceSchedule.Every(1).decisionBars(times)));
    }

    @Test
    void dailyIsFirstBarOfEachUtcDate() {
        long[] times = grid("2024-01-01T00:00:00Z", "2024-01-01T08:00:00Z", "2024-01-01T16:00:00Z",
                "2024-01-02T08:00:00Z", "2024-01-02T16:00:00Z", "2024-01-03T00:00:00Z");
        // 01-02 has no 00:00 bar: its first bar is 08:00 (index 3)
        assertArrayEquals(new int[] {0, 3, 5}, indices(new RebalanceSchedule.Daily().decisionBars(times)));
    }

    @Test
    void weeklyIsFirstBarOnOrAfterTheDayInEachIsoWeek() {
        // 2024-01-01 is a Monday. Week 1: Mon..Sun 01-01..01-07; week 2: 01-08..01-14; week 3: 01-15..
        long[] times = grid("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", // Mon Tue Wed Thu
                "2024-01-08", "2024-01-09", "2024-01-11", // Mon Tue (Wed missing) Thu
                "2024-01-15", "2024-01-16"); // Mon Tue: no Wed or later in week 3
        assertArrayEquals(new int[] {2, 6}, indices(new RebalanceSchedule.Weekly(3).decisionBars(times)));
        assertArrayEquals(new int[] {0, 4, 7}, indices(new RebalanceSchedule.Weekly(1).decisionBars(times)));
    }

    @Test
    void weeklyUsesIsoWeeksAcrossTheYearBoundary() {
        // 2024-12-28 Sat (ISO week 2024-W52), 12-31 Tue and 2025-01-01 Wed (both 2025-W01), 01-06 Mon (W02)
        long[] times = grid("2024-12-28", "2024-12-31", "2025-01-01", "2025-01-06");
        assertArrayEquals(new int[] {0, 1, 3}, indices(new RebalanceSchedule.Weekly(1).decisionBars(times)));
        // weekly: 3 (Wed): Sat 12-28 qualifies in its week, Wed 01-01 in W01, Mon 01-06 does not
        assertArrayEquals(new int[] {0, 2}, indices(new RebalanceSchedule.Weekly(3).decisionBars(times)));
    }

    @Test
    void monthlyMonthWithoutMatchingBarGetsNoDecision() {
        long[] times = grid("2024-01-10", "2024-01-20", "2024-01-25", "2024-02-03", "2024-02-14", "2024-03-01",
                "2024-03-16", "2024-03-17");
        // monthly: 15 -> Jan 20 (index 1); February's bars are on the 3rd and 14th: none; March 16 (index 6)
        assertArrayEquals(new int[] {1, 6}, indices(new RebalanceSchedule.Monthly(15).decisionBars(times)));
        // monthly: 1 -> the first bar of each month
        assertArrayEquals(new int[] {0, 3, 5}, indices(new RebalanceSchedule.Monthly(1).decisionBars(times)));
    }

    @Test
    void monthlyDay31SkipsShortMonths() {
        long[] times = grid("2024-01-31", "2024-02-29", "2024-03-30", "2024-03-31", "2024-04-30");
        assertArrayEquals(new int[] {0, 3}, indices(new RebalanceSchedule.Monthly(31).decisionBars(times)));
    }

    @Test
    void thresholdDecidesEveryBarAndSaysSo() {
        RebalanceSchedule s = new RebalanceSchedule.Threshold();
        assertArrayEquals(new int[] {0, 1, 2}, indices(s.decisionBars(grid("2024-01-01", "2024-01-02", "2024-01-03"))));
        assertTrue(s.threshold());
        assertFalse(new RebalanceSchedule.EveryBar().threshold());
        assertArrayEquals(new int[] {0, 1}, indices(new RebalanceSchedule.EveryBar().decisionBars(grid("2024-01-01", "2024-01-02"))));
    }

    private static RebalanceSchedule parse(String yaml) {
        ConfigNode root = ConfigLoader.parse(yaml, "file conf/s.yaml").root();
        return io.quantlake.config.StrategyBinder.schedule(root, "schedule");
    }

    @Test
    void parsesEveryCliShape() {
        assertEquals(new RebalanceSchedule.Monthly(1), parse("schedule: {monthly: 1}"));
        assertEquals(new RebalanceSchedule.Weekly(1), parse("schedule: {weekly: 1}"));
        assertEquals(new RebalanceSchedule.Weekly(5), parse("schedule: {weekly: Friday}"));
        assertEquals(new RebalanceSchedule.Weekly(7), parse("schedule: {weekly: sun}"));
        assertEquals(new RebalanceSchedule.Every(5), parse("schedule: {every: 5}"));
        assertEquals(new RebalanceSchedule.Daily(), parse("schedule: daily"));
        assertEquals(new RebalanceSchedule.EveryBar(), parse("schedule: every_bar"));
        assertEquals(new RebalanceSchedule.Threshold(), parse("schedule: threshold"));
        assertEquals(new RebalanceSchedule.Monthly(15), parse("schedule:\n  monthly: 15\n"));
    }

    @Test
    void badShapesNameKeyFileAndAcceptedValues() {
        assertEquals("config key `schedule` must be one of every_bar, daily, threshold, {every: N}, {weekly: D}, "
                + "{monthly: D}, got \"hourly\" (file conf/s.yaml)",
                assertThrows(ConfigException.class, () -> parse("schedule: hourly")).getMessage());
        assertEquals("config key `schedule` must be one of every_bar, daily, threshold, {every: N}, {weekly: D}, "
                + "{monthly: D}, got {\"yearly\":1} (file conf/s.yaml)",
                assertThrows(ConfigException.class, () -> parse("schedule: {yearly: 1}")).getMessage());
        assertEquals("config key `schedule.monthly` must be an integer in [1, 31], got 32 (file conf/s.yaml)",
                assertThrows(ConfigException.class, () -> parse("schedule: {monthly: 32}")).getMessage());
        assertEquals("config key `schedule.every` must be an integer >= 1, got 0 (file conf/s.yaml)",
                assertThrows(ConfigException.class, () -> parse("schedule: {every: 0}")).getMessage());
        assertEquals("config key `schedule.weekly` must be an ISO weekday 1..7 (1 = Monday) or a day name "
                + "(mon, monday, …), got \"funday\" (file conf/s.yaml)",
                assertThrows(ConfigException.class, () -> parse("schedule: {weekly: funday}")).getMessage());
        assertEquals("config key `schedule` is required (file conf/s.yaml)",
                assertThrows(ConfigException.class, () -> parse("other: 1")).getMessage());
    }

    @Test
    void utcCalendarAgreesWithJavaTime() {
        for (long day = LocalDate.of(1899, 12, 25).toEpochDay(); day <= LocalDate.of(2101, 1, 7).toEpochDay(); day++) {
            LocalDate d = LocalDate.ofEpochDay(day);
            assertEquals(d.getDayOfWeek().getValue(), UtcCalendar.isoDayOfWeek(day), d::toString);
            assertEquals(d.getDayOfMonth(), UtcCalendar.dayOfMonth(day), d::toString);
            assertEquals(d.getYear() * 12L + d.getMonthValue() - 1, UtcCalendar.monthIndex(day), d::toString);
            assertEquals(d.with(java.time.DayOfWeek.MONDAY).toEpochDay(), UtcCalendar.isoWeekIndex(day) * 7 - 3, d::toString);
        }
        assertEquals(-1, UtcCalendar.epochDay(-1));
    }
}
