package io.quantlake.ingest;

import static io.quantlake.ingest.Violation.num;

import java.time.Instant;
import java.util.Optional;

/**
 * The rules a parsed candle must meet to enter the lake; the first rule broken is reported. In order:
 * <ol>
 *   <li>{@code open, high, low, close > 0} ({@link QuarantineReason#NON_POSITIVE_PRICE});</li>
 *   <li>{@code high >= max(open, close)} ({@link QuarantineReason#HIGH_BELOW_OPEN_CLOSE});</li>
 *   <li>{@code low <= min(open, close)} ({@link QuarantineReason#LOW_ABOVE_OPEN_CLOSE});</li>
 *   <li>{@code volume, quoteVolume, takerBuyBase, takerBuyQuote >= 0} where carried (NaN = not carried),
 *       {@code trades >= 0} or {@code -1} = not carried ({@link QuarantineReason#NEGATIVE_VOLUME});</li>
 *   <li>{@code openTime} is a bar open of the interval, {@link io.quantlake.market.Interval#isAligned}
 *       ({@link QuarantineReason#MISALIGNED_OPEN_TIME}).</li>
 * </ol>
 * Parse failures and duplicate keys are found before and after this check (readers, {@link IngestBatch}).
 */
public final class CandleValidator {
    private CandleValidator() {
    }

    /** The first rule {@code bar} breaks, or empty when it is valid. */
    public static Optional<Violation> check(CandleBar bar) {
        double o = bar.open();
        double h = bar.high();
        double l = bar.low();
        double c = bar.close();
        if (!(o > 0)) {
            return price("open", o);
        }
        if (!(h > 0)) {
            return price("high", h);
        }
        if (!(l > 0)) {
            return price("low", l);
        }
        if (!(c > 0)) {
            return price("close", c);
        }
        if (h < Math.max(o, c)) {
            return Optional.of(new Violation(QuarantineReason.HIGH_BELOW_OPEN_CLOSE,
                    "high " + num(h) + " < max(open " + num(o) + ", close " + num(c) + ")"));
        }
        if (l > Math.min(o, c)) {
            return Optional.of(new Violation(QuarantineReason.LOW_ABOVE_OPEN_CLOSE,
                    "low " + num(l) + " > min(open " + num(o) + ", close " + num(c) + ")"));
        }
        Optional<Violation> volume = volume("volume", bar.volume())
                .or(() -> volume("quote_volume", bar.quoteVolume()))
                .or(() -> volume("taker_buy_volume", bar.takerBuyBase()))
                .or(() -> volume("taker_buy_quote_volume", bar.takerBuyQuote()));
        if (volume.isPresent()) {
            return volume;
        }
        if (bar.trades() < -1) {
            return Optional.of(new Violation(QuarantineReason.NEGATIVE_VOLUME,
                    "count " + bar.trades() + " must be >= 0"));
        }
        if (!bar.interval().isAligned(bar.openTime())) {
            return Optional.of(new Violation(QuarantineReason.MISALIGNED_OPEN_TIME,
                    "open_time " + bar.openTime() + " (" + Instant.ofEpochMilli(bar.openTime())
                            + ") is not a bar open of interval " + bar.interval()));
        }
        return Optional.empty();
    }

    private static Optional<Violation> price(String field, double value) {
        return Optional.of(new Violation(QuarantineReason.NON_POSITIVE_PRICE,
                field + " " + num(value) + " must be > 0"));
    }

    private static Optional<Violation> volume(String field, double value) {
        return value < 0
                ? Optional.of(new Violation(QuarantineReason.NEGATIVE_VOLUME, field + " " + num(value) + " must be >= 0"))
                : Optional.empty();
    }
}
