package io.quantlake.market;

/**
 * One funding event, a row of {@code funding_rates} (key: market, symbol, fundingTime).
 * {@code fundingRate} is a fraction per funding interval (0.0001 = 1 bp; longs pay when positive);
 * {@code markPrice} in quote currency, NaN when the source does not carry it.
 */
public record FundingRecord(Market market, String symbol, long fundingTime, double fundingRate, double markPrice) {
}
