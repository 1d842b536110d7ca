package io.quantlake.sweep;

import java.io.Serializable;
import java.util.Objects;

/**
 * One fold of a validation scheme: the bars whose metrics are reported as {@code in_sample}
 * (walk-forward train window; purged k-fold training set) and as {@code out_of_sample} (test
 * window; test fold). The two never share a bar.
 *
 * @param index 0-based fold number ({@code fold} of {@code sweep_results})
 */
public record Fold(int index, BarWindow inSample, BarWindow outOfSample) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Fold {
        if (index < 0) {
            throw new IllegalArgumentException("fold index must be >= 0, got " + index);
        }
        Objects.requireNonNull(inSample, "inSample");
        Objects.requireNonNull(outOfSample, "outOfSample");
        for (int t = outOfSample.first(); t < outOfSample.endExclusive(); t++) {
            if (outOfSample.contains(t) && inSample.contains(t)) {
                throw new IllegalArgumentException("fold " + index + ": bar " + t + " is both in sample " + inSample
                        + " and out of sample " + outOfSample);
            }
        }
    }
}
