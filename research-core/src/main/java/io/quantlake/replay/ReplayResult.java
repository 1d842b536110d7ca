package io.quantlake.replay;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer of a {@link Replay}.
 *
 * @param runId      the run replayed
 * @param kind       its kind ({@code backtest}, {@code sweep})
 * @param versions   table name → Delta version read (the run's {@code runs.data_versions})
 * @param compared   what was compared, e.g. {@code 120 equity rows, 14 ledger rows}
 * @param difference the first difference; empty when the replay is identical
 */
public record ReplayResult(String runId, String kind, Map<String, Long> versions, String compared,
                           Optional<Difference> difference) {
    public ReplayResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        versions = Map.copyOf(Objects.requireNonNull(versions, "versions"));
        Objects.requireNonNull(compared, "compared");
        Objects.requireNonNull(difference, "difference");
    }

    public boolean identical() {
        return difference.isEmpty();
    }

    /**
     * One line: {@code identical: run R (backtest at candles@3, funding_rates@1, symbols@1): 120 equity rows, 14 ledger
     * rows} or {@code different: run R (…): equity row 5 (…) column cash: stored …, replayed …}.
     */
    public String describe() {
        StringBuilder at = new StringBuilder();
        new TreeMap<>(versions).forEach((t, v) -> at.append(at.isEmpty() ? "" : ", ").append(t).append('@').append(v));
        String head = "run " + runId + " (" + kind + " at " + at + "): ";
        return difference.map(d -> "different: " + head + d.describe() + " (compared " + compared + ")")
                .orElse("identical: " + head + compared);
    }
}
