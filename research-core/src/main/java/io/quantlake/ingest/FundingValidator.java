package io.quantlake.ingest;

import io.quantlake.market.FundingRecord;
import static io.quantlake.ingest.Violation.num;

import java.util.Optional;

/**
 * The rules a parsed funding record must meet: the rate is finite (any sign), the mark price, when carried
 * (not NaN), is {@code > 0} ({@link QuarantineReason#NON_POSITIVE_PRICE}).
 */
public final class FundingValidator {
    private FundingValidator() {
    }

    /** The first rule {@code record} breaks, or empty when it is valid. */
    public static Optional<Violation> check(FundingRecord record) {
        if (!Double.isFinite(record.fundingRate())) {
            return Optional.of(new Violation(QuarantineReason.UNPARSABLE_FIELD,
                    "funding_rate " + record.fundingRate() + " is not a finite number"));
        }
        double mark = record.markPrice();
        if (!Double.isNaN(mark) && !(mark > 0)) {
            return Optional.of(new Violation(QuarantineReason.NON_POSITIVE_PRICE,
                    "mark_price " + num(mark) + " must be > 0"));
        }
        return Optional.empty();
    }
}
