package io.quantlake.strategy;

/**
 * The original bot's only decision: BUY (long only) with one take-profit and one stop-loss price,
 * both in quote currency, with {@code stopLoss < takeProfit}.
 */
public record LegacyDecision(double takeProfit, double stopLoss) {
    public LegacyDecision {
        if (!(stopLoss > 0) || !(takeProfit > stopLoss) || Double.isInfinite(takeProfit)) {
            throw new IllegalArgumentException("BUY needs 0 < stop_loss < take_profit, got stop_loss=" + stopLoss
                    + " take_profit=" + takeProfit);
        }
    }

    /** A BUY with the given take-profit and stop-loss prices. */
    public static LegacyDecision buy(double takeProfit, double stopLoss) {
        return new LegacyDecision(takeProfit, stopLoss);
    }
}
