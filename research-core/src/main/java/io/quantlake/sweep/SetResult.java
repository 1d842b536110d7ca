package io.quantlake.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The evaluation of one parameter set: metrics over the whole panel, per fold in and out of
 * sample, and its per-period returns (for the DSR and the PBO).
 *
 * @param set         the parameter set
 * @param full        metrics of all bars
 * @param inSample    per fold (index = fold), the in-sample window's metrics
 * @param outOfSample per fold, the out-of-sample window's metrics
 * @param returns     {@code r_t = E_t / E_{t−1} − 1} for bars 1..T−1
 */
public record SetResult(ParameterSet set, WindowMetrics full, List<WindowMetrics> inSample,
                        List<WindowMetrics> outOfSample, double[] returns) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SetResult {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(full, "full");
        inSample = List.copyOf(inSample);
        outOfSample = List.copyOf(outOfSample);
        if (inSample.size() != outOfSample.size()) {
            throw new IllegalArgumentException("in-sample and out-of-sample metrics differ in fold count: "
                    + inSample.size() + " vs " + outOfSample.size());
        }
        Objects.requireNonNull(returns, "returns");
    }
}
