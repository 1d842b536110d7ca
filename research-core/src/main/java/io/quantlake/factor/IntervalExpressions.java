package io.quantlake.factor;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.quantlake.market.Interval;
import org.apache.spark.sql.Column;

/** {@link Interval} properties as Column expressions over an interval-code column (null for an unknown code). */
final class IntervalExpressions {
    private IntervalExpressions() {
    }

    /** {@link Interval#periodsPerYear()} of the code in {@code code}. */
    static Column periodsPerYear(Column code) {
        Column out = lit(null).cast("double");
        for (Interval i : Interval.values()) {
            out = when(code.equalTo(i.code()), lit(i.periodsPerYear())).otherwise(out);
        }
        return out;
    }

    /** {@link Interval#millis()} of the code in {@code code}. */
    static Column millis(Column code) {
        Column out = lit(null).cast("long");
        for (Interval i : Interval.values()) {
            out = when(code.equalTo(i.code()), lit(i.millis())).otherwise(out);
        }
        return out;
    }
}
