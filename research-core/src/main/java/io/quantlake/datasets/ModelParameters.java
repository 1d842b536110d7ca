package io.quantlake.datasets;

/**
 * The planted effects' parameters (daily log returns unless said otherwise). Written to the MANIFEST
 * of every generated sample.
 *
 * <p>Return of symbol i on day d: {@code r = beta_i * f_d + mu_{i,d} + u_{i,d} - reversalTheta * u_{i,d-1}}:
 * <ul>
 *   <li>market factor {@code f_d = marketDrift + eps_d}, {@code eps_d = sqrt(h_d) z_d}, GARCH(1,1)
 *       {@code h_{d+1} = omega + garchAlpha * eps_d^2 + garchBeta * h_d} with {@code omega} set so the
 *       unconditional daily volatility is {@code marketVol}; {@code z} unit-variance Student-t with
 *       {@code tailDf} degrees of freedom, {@code |eps| <= maxMarketMove};</li>
 *   <li>momentum: a persistent drift {@code mu} per symbol, AR(1) with half-life {@code driftHalfLifeDays}
 *       and stationary standard deviation {@code driftVol}: past returns predict future ones;</li>
 *   <li>short-term reversal: the idiosyncratic MA(1) term {@code -reversalTheta * u_{d-1}} gives a daily
 *       autocorrelation of {@code -theta / (1 + theta^2)};</li>
 *   <li>pairs: see {@link PlantedPair} with {@code pairRho} and {@code pairSpreadVol};</li>
 *   <li>funding (per 8 hours, fraction): {@code rate_k = fundingMean + x_k},
 *       {@code x_k = fundingPhi * x_{k-1} + fundingVol * N(0,1)}, clamped to {@code ±maxAbsFunding}.</li>
 * </ul>
 */
public record ModelParameters(double marketDrift, double marketVol, double garchAlpha, double garchBeta, int tailDf,
                              double maxMarketMove, double driftVol, double driftHalfLifeDays, double reversalTheta,
                              double pairRho, double pairSpreadVol, double fundingMean, double fundingPhi,
                              double fundingVol, double maxAbsFunding) {

    /** The parameters every preset uses. */
    public static final ModelParameters DEFAULT = new ModelParameters(0.0004, 0.032, 0.08, 0.90, 5, 0.35,
            0.0025, 45, 0.12, 0.90, 0.015, 0.0001, 0.95, 0.00003, 0.003);

    public ModelParameters {
        if (!(garchAlpha >= 0 && garchBeta >= 0 && garchAlpha + garchBeta < 1)) {
            throw new IllegalArgumentException("GARCH needs alpha, beta >= 0 and alpha + beta < 1, got "
                    + garchAlpha + ", " + garchBeta);
        }
        if (tailDf < 3) {
            throw new IllegalArgumentException("tailDf must be >= 3, got " + tailDf);
        }
        if (!(pairRho >= 0 && pairRho < 1) || !(fundingPhi >= 0 && fundingPhi < 1)) {
            throw new IllegalArgumentException("pairRho and fundingPhi must be in [0, 1), got " + pairRho + ", " + fundingPhi);
        }
        if (!(driftHalfLifeDays > 0) || !(marketVol > 0) || !(maxMarketMove > 0)) {
            throw new IllegalArgumentException("driftHalfLifeDays, marketVol and maxMarketMove must be positive");
        }
    }

    /** AR(1) coefficient of the momentum drift: {@code 2^(-1 / halfLife)}. */
    public double driftPhi() {
        return StrictMath.pow(0.5, 1.0 / driftHalfLifeDays);
    }

    /** GARCH constant giving unconditional variance {@code marketVol^2}. */
    public double garchOmega() {
        return marketVol * marketVol * (1 - garchAlpha - garchBeta);
    }
}
