package io.quantlake.config;

/**
 * {@code costs} (SIMULATION.md §4), all in basis points of notional (1 bp = 1e-4); default 0.
 *
 * @param takerBps    fee of market orders
 * @param makerBps    fee of limit orders (take-profit exits)
 * @param slippageBps price move against market orders: buys fill at {@code p·(1+s/1e4)}, sells at {@code p·(1−s/1e4)}
 */
public record Costs(double takerBps, double makerBps, double slippageBps) {
    /** Accepted values of each field. */
    public static final Range BPS = Range.closedOpen(0, 10_000);

    public static final Costs ZERO = new Costs(0, 0, 0);

    public Costs {
        check("taker_bps", takerBps);
        check("maker_bps", makerBps);
        check("slippage_bps", slippageBps);
    }

    private static void check(String name, double v) {
        if (!BPS.contains(v)) {
            throw new IllegalArgumentException("costs." + name + " must be " + BPS.describe() + ", got " + v);
        }
    }

    /** Binds {@code costs}: keys taker_bps, maker_bps, slippage_bps, each optional. */
    public static Costs bind(ConfigNode node) {
        node.allowOnly("taker_bps", "maker_bps", "slippage_bps");
        return new Costs(node.number("taker_bps", BPS, 0), node.number("maker_bps", BPS, 0),
                node.number("slippage_bps", BPS, 0));
    }
}
