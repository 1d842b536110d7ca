package io.quantlake.datasets;

/**
 * USDⓈ-M funding rates every 8 hours (00:00, 08:00, 16:00 UTC) over the whole sample, as units of
 * {@code 10^-SCALE} (Binance writes 8 decimals): {@code rate_k = fundingMean + x_k},
 * {@code x_k = fundingPhi * x_{k-1} + fundingVol * N(0,1)} from the stationary distribution, clamped
 * to {@code ±maxAbsFunding}. Stream {@code 5000 + i}.
 */
final class FundingModel {
    /** Decimals of funding rates. */
    static final int SCALE = 8;
    /** Hours between funding events. */
    static final int INTERVAL_HOURS = 8;

    private FundingModel() {
    }

    /** One rate per 8-hour slot from the sample start; slot {@code k} is at {@code startMs + k * 8h}. */
    static long[] rates(UniversePlan plan, SymbolProfile profile) {
        ModelParameters p = plan.params();
        SeededRandom rng = SeededRandom.stream(plan.spec().seed(), 5000 + profile.index());
        int slots = plan.days() * (24 / INTERVAL_HOURS);
        long[] out = new long[slots];
        double unit = StrictMath.pow(10, SCALE);
        double x = p.fundingVol() / Math.sqrt(1 - p.fundingPhi() * p.fundingPhi()) * rng.nextGaussian();
        for (int k = 0; k < slots; k++) {
            x = p.fundingPhi() * x + p.fundingVol() * rng.nextGaussian();
            double rate = Math.max(-p.maxAbsFunding(), Math.min(p.maxAbsFunding(), p.fundingMean() + x));
            out[k] = Math.round(rate * unit);
        }
        return out;
    }
}
