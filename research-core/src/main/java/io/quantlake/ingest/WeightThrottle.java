package io.quantlake.ingest;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps one market's request weight under a budget per UTC minute. Binance reports the weight used in the
 * current minute in the {@code X-MBX-USED-WEIGHT-1M} response header; before a request of weight {@code w},
 * if {@code used + w > budget} in the same minute, this sleeps until the next minute starts
 * ({@code 60000 - now mod 60000} ms). A new minute resets {@code used} to 0.
 */
final class WeightThrottle {
    static final String HEADER = "X-MBX-USED-WEIGHT-1M";
    private static final long MINUTE_MS = 60_000L;

    private final int budget;
    private final Clock clock;
    private final Sleeper sleeper;
    private int used;
    private long minute = Long.MIN_VALUE;

    WeightThrottle(int budget, Clock clock, Sleeper sleeper) {
        this.budget = budget;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits, if needed, so that a request of {@code weight} stays within the budget. */
    void beforeRequest(int weight) throws InterruptedException {
        long now = clock.millis();
        long m = Math.floorDiv(now, MINUTE_MS);
        if (m != minute) {
            used = 0;
            minute = m;
        }
        if (used + weight > budget) {
            sleeper.sleep(Duration.ofMillis((m + 1) * MINUTE_MS - now));
            used = 0;
            minute = m + 1;
        }
    }

    /** Records the used weight a response reports ({@code header} null or unreadable: unchanged). */
    void afterResponse(String header) {
        if (header == null) {
            return;
        }
        try {
            used = Integer.parseInt(header.strip());
            minute = Math.floorDiv(clock.millis(), MINUTE_MS);
        } catch (NumberFormatException ignored) {
            // a malformed header leaves the last known weight in place
        }
    }
}
