package io.quantlake.strategy.pairs;

/**
 * What happens to a pair's open trade when a re-test finds the pair no longer cointegrated
 * ({@code p-value > max_pvalue}). In both cases no new trade opens in the pair until a later re-test passes.
 * <ul>
 *   <li>{@code HOLD}: the trade stays open until one of its exits (z exit, stop, time stop) fires.</li>
 *   <li>{@code CLOSE}: both legs are closed by CLOSE signals decided at the re-test bar (ledger type CLOSE,
 *       reason signal), filled per the execution price like any signal.</li>
 * </ul>
 */
public enum OnBreak {
    HOLD, CLOSE
}
