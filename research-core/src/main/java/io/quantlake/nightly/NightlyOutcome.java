package io.quantlake.nightly;

import io.quantlake.market.Market;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a nightly run produced.
 *
 * @param runDate      the run date D (targets from the bars that closed by D 00:00 UTC)
 * @param runId        the {@code runs} row's id (kind {@code nightly})
 * @param market       the strategy's market
 * @param strategy     the strategy's name
 * @param holdings     current holdings priced at the last close (the tradable universe symbols)
 * @param priceTime    open time (UTC epoch ms) of the last bar, whose close prices the orders
 * @param decisionTime open time of the strategy decision used, −1 when it never decided
 * @param plan         the rebalance
 */
public record NightlyOutcome(LocalDate runDate, String runId, Market market, String strategy, Holdings holdings,
                             long priceTime, long decisionTime, RebalancePlan plan) {
    public NightlyOutcome {
        Objects.requireNonNull(runDate, "runDate");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(holdings, "holdings");
        Objects.requireNonNull(plan, "plan");
    }

    /** Free cash (USDT) before the orders. */
    public double cash() {
        return holdings.cash();
    }
}
