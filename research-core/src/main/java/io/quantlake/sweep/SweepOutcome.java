package io.quantlake.sweep;

import java.util.Objects;

/**
 * A finished sweep run.
 *
 * @param runId     the run id ({@code sweep_results.run_id}, {@code runs.run_id})
 * @param total     parameter sets of the sweep
 * @param skipped   sets already complete in {@code sweep_results} (a resumed run), not evaluated again
 * @param evaluated sets evaluated by this run
 * @param summary   best set, DSR, PBO, per-fold selection
 */
public record SweepOutcome(String runId, int total, int skipped, int evaluated, SweepSummary summary) {
    public SweepOutcome {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(summary, "summary");
        if (skipped + evaluated != total) {
            throw new IllegalArgumentException("skipped " + skipped + " + evaluated " + evaluated + " != total " + total);
        }
    }
}
