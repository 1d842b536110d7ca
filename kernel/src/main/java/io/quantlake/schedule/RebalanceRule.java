package io.quantlake.schedule;

import java.util.Objects;

/**
 * How target weights become trades (SIMULATION.md §5, §12.10, R10): one value, checked here once, that the
 * simulation kernel, the minimum-trade optimizer and the nightly order planner apply alike. Bound from
 * {@code strategy.params.band}, the {@code threshold} schedule and {@code rebalance.to}
 * (io.quantlake.config.BacktestConfig).
 *
 * @param band      no-trade band as a weight fraction in [0, 1); 0 = always trade to target
 * @param to        a symbol outside its band trades to its target ({@link RebalanceMode#TARGET}) or to the
 *                  nearest band edge ({@link RebalanceMode#BAND_EDGE})
 * @param threshold the {@code threshold} schedule (§5): at a decision, when any symbol has
 *                  {@code |w_i − cw_i| >= band}, every symbol with a target trades to it (the band is then not
 *                  applied per symbol); when none does, nothing trades. False: the band is checked per symbol.
 */
public record RebalanceRule(double band, RebalanceMode to, boolean threshold) {
    /** Band 0, trade to target, no threshold: every target is traded to as decided. */
    public static final RebalanceRule NONE = new RebalanceRule(0, RebalanceMode.TARGET, false);
    /** The accepted band values, for errors: {@value}. */
    public static final String BAND_RANGE = "in [0, 1)";

    public RebalanceRule {
        Objects.requireNonNull(to, "rebalance.to");
        if (!(band >= 0 && band < 1)) {
            throw new IllegalArgumentException("band must be " + BAND_RANGE + ", got " + band);
        }
    }

    /** This rule with {@code band}. */
    public RebalanceRule withBand(double band) {
        return new RebalanceRule(band, to, threshold);
    }

    /** This rule with {@code rebalance.to}. */
    public RebalanceRule withTo(RebalanceMode to) {
        return new RebalanceRule(band, to, threshold);
    }

    /** This rule with the threshold flag of {@code schedule} ({@link RebalanceSchedule#threshold()}). */
    public RebalanceRule withSchedule(RebalanceSchedule schedule) {
        return new RebalanceRule(band, to, schedule.threshold());
    }

    /** Whether a symbol outside its band trades to the band edge: {@code band_edge}, a non-zero band, no threshold. */
    public boolean toBandEdge() {
        return to == RebalanceMode.BAND_EDGE && band != 0 && !threshold;
    }
}
