package io.quantlake.tearsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MonthlyReturnsTest {
    private static long t(String iso) {
        return Instant.parse(iso + "T00:00:00Z").toEpochMilli();
    }

    @Test
    void eachMonthCompoundsFromThePreviousMonthsLastClose() {
        long[] times = {t("2024-01-30"), t("2024-01-31"), t("2024-02-01"), t("2024-02-29"), t("2024-04-01"),
            t("2025-01-01")};
        double[] equity = {100, 110, 121, 99, 132, 66};
        MonthlyReturns m = MonthlyReturns.of(times, equity);
        assertEquals(2024, m.firstYear());
        assertEquals(2, m.years());
        assertEquals(24, m.values().length);
        assertEquals(0.10, m.of(2024, 1), 1e-15);       // 110 / E_0 100 - 1 (the first bar's own return is not counted)
        assertEquals(-0.10, m.of(2024, 2), 1e-15);      // 99 / 110 - 1 (last close of Feb over last of Jan)
        assertTrue(Double.isNaN(m.of(2024, 3)), "March has no bar");
        assertEquals(1.0 / 3, m.of(2024, 4), 1e-15);    // 132 / 99 - 1: base is the last close before April
        assertTrue(Double.isNaN(m.of(2024, 12)));
        assertEquals(-0.5, m.of(2025, 1), 1e-15);       // 66 / 132 - 1
        assertEquals(0.32, m.yearly()[0], 1e-15);       // 132 / 100 - 1 = 1.1 * 0.9 * (4/3) - 1
        assertEquals(-0.5, m.yearly()[1], 1e-15);
    }

    @Test
    void yearWithoutBarsIsUndefined() {
        MonthlyReturns m = MonthlyReturns.of(new long[] {t("2022-12-31"), t("2024-01-01")}, new double[] {10, 12});
        assertEquals(3, m.years());
        assertEquals(0, m.of(2022, 12), 0);
        assertTrue(Double.isNaN(m.yearly()[1]));
        assertEquals(0.2, m.yearly()[2], 1e-15);        // 12 / 10 - 1
    }
}
