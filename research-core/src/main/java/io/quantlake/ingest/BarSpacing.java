package io.quantlake.ingest;

import io.quantlake.market.Interval;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Whether one file's bars are spaced like the interval they are ingested as. The spacing is the most frequent
 * gap between consecutive distinct open times of every parsed bar of the file, valid or not (4h candles read as
 * {@code 1d} have 4h gaps, and their 00:00 bars alone would pass as daily candles); ties go to the smaller gap.
 * It disagrees when it is shorter than the interval, or longer and seen at least twice (a single longer gap may be
 * missing bars). A file with fewer than two distinct open times has no spacing.
 */
final class BarSpacing {
    private BarSpacing() {
    }

    /**
     * The violation of a file whose distinct open times, sorted, are {@code gaps[g]} times {@code g} ms apart
     * (gap length → count), if any, against {@code interval}.
     */
    static Optional<Violation> check(Map<Long, Long> gaps, Interval interval) {
        long spacing = 0;
        long seen = 0;
        for (Map.Entry<Long, Long> g : gaps.entrySet()) {
            if (g.getValue() > seen || (g.getValue() == seen && g.getKey() < spacing)) {
                spacing = g.getKey();
                seen = g.getValue();
            }
        }
        boolean disagrees = seen > 0 && (spacing < interval.millis() || (spacing > interval.millis() && seen >= 2));
        if (!disagrees) {
            return Optional.empty();
        }
        return Optional.of(new Violation(QuarantineReason.INTERVAL_MISMATCH, "bars are " + show(spacing)
                + " apart (" + seen + " of " + gaps.values().stream().mapToLong(Long::longValue).sum()
                + " gaps between open times), not the interval " + interval + " they are ingested as"));
    }

    /** A gap as an interval code when it is one ({@code 4h}), else as an ISO-8601 duration. */
    private static String show(long millis) {
        for (Interval i : Interval.values()) {
            if (i.millis() == millis) {
                return i.code();
            }
        }
        return Duration.ofMillis(millis).toString();
    }
}
