package io.quantlake.datasets;

import java.util.List;

/**
 * Draws the daily log-price paths of {@link ModelParameters}: a GARCH(1,1) Student-t market factor,
 * per-symbol betas, persistent momentum drifts, MA(1) short-term reversal of idiosyncratic
 * returns, and the planted cointegrated pairs (each {@code y} replaced by
 * {@code alpha + beta * ln x + AR(1) spread}).
 *
 * <p>Randomness: stream 2 drives the factor, stream {@code 1000 + i} symbol {@code i}'s idiosyncratic
 * draws, stream {@code 900 + k} pair {@code k}'s spread.
 */
final class DailyPathModel {
    private DailyPathModel() {
    }

    static DailyPaths draw(UniversePlan plan) {
        ModelParameters p = plan.params();
        List<SymbolProfile> symbols = plan.symbols();
        int n = symbols.size();
        int days = plan.days();
        long seed = plan.spec().seed();
        double[] factor = new double[days];
        double[] factorVar = new double[days];
        marketFactor(p, SeededRandom.stream(seed, 2), factor, factorVar);

        double[] logOpen = new double[n];
        double[] logClose = new double[days * n];
        double[] vol = new double[days * n];
        double phi = p.driftPhi();
        double driftShock = p.driftVol() * Math.sqrt(1 - phi * phi);
        for (int i = 0; i < n; i++) {
            SymbolProfile s = symbols.get(i);
            SeededRandom rng = SeededRandom.stream(seed, 1000 + i);
            double mu = p.driftVol() * rng.nextGaussian();
            double prevU = s.idioVol() * rng.nextStudentT(p.tailDf());
            double level = StrictMath.log(s.startPrice());
            logOpen[i] = level;
            double idioVar = s.idioVol() * s.idioVol() * (1 + p.reversalTheta() * p.reversalTheta());
            for (int d = 0; d < days; d++) {
                mu = phi * mu + driftShock * rng.nextGaussian();
                double u = s.idioVol() * rng.nextStudentT(p.tailDf());
                level += s.beta() * factor[d] + mu + u - p.reversalTheta() * prevU;
                prevU = u;
                logClose[d * n + i] = level;
                vol[d * n + i] = Math.sqrt(s.beta() * s.beta() * factorVar[d] + idioVar);
            }
        }
        for (int k = 0; k < plan.pairs().size(); k++) {
            plantPair(plan, plan.pairs().get(k), SeededRandom.stream(seed, 900 + k), logOpen, logClose, vol);
        }
        return new DailyPaths(days, n, logOpen, logClose, vol);
    }

    /** Fills {@code f_d = marketDrift + eps_d} and the conditional variance {@code h_d} of {@code eps_d}. */
    private static void marketFactor(ModelParameters p, SeededRandom rng, double[] factor, double[] factorVar) {
        double omega = p.garchOmega();
        double h = p.marketVol() * p.marketVol();
        for (int d = 0; d < factor.length; d++) {
            double eps = Math.sqrt(h) * rng.nextStudentT(p.tailDf());
            eps = Math.max(-p.maxMarketMove(), Math.min(p.maxMarketMove(), eps));
            factor[d] = p.marketDrift() + eps;
            factorVar[d] = h;
            h = omega + p.garchAlpha() * eps * eps + p.garchBeta() * h;
        }
    }

    /** Replaces y's path: {@code ln y_d = alpha + beta * ln x_d + s_d}, {@code s} AR(1) from 0. */
    private static void plantPair(UniversePlan plan, PlantedPair pair, SeededRandom rng,
                                  double[] logOpen, double[] logClose, double[] vol) {
        int n = plan.symbols().size();
        int ix = plan.profile(pair.x()).index();
        int iy = plan.profile(pair.y()).index();
        logOpen[iy] = pair.alpha() + pair.beta() * logOpen[ix];
        double s = 0;
        for (int d = 0; d < plan.days(); d++) {
            s = pair.rho() * s + pair.spreadVol() * rng.nextGaussian();
            logClose[d * n + iy] = pair.alpha() + pair.beta() * logClose[d * n + ix] + s;
            double vx = pair.beta() * vol[d * n + ix];
            vol[d * n + iy] = Math.sqrt(vx * vx + pair.spreadVol() * pair.spreadVol());
        }
    }
}
