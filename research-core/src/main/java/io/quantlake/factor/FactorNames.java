package io.quantlake.factor;

import io.quantlake.factorspec.FactorName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses factor names as they appear in configs, the wide frame and the Delta table {@code factors}
 * back into factors: {@code parse(f.name()).equals(f)} for every factor. The grammar is the kernel's
 * {@link FactorName} (shared with the {@code factor} strategy's config, so both accept the same names); this class
 * builds the Spark definition of a parsed name.
 *
 * <p>Accepted names ({@value FactorName#FORMS}); {@code <proxy>} is {@code ew} (equal-weighted), {@code vw}
 * (volume-weighted) or a lower-case symbol such as {@code btcusdt}.
 */
public final class FactorNames {
    private FactorNames() {
    }

    /**
     * Whether {@code name} has the form of a built-in factor's name, whatever its numbers, so that a user factor may
     * not take it ({@link FactorName#hasBuiltInForm}).
     */
    public static boolean hasBuiltInForm(String name) {
        return FactorName.hasBuiltInForm(name);
    }

    /** The factor named {@code name}; the error names the value and lists the accepted forms. */
    public static Factor parse(String name) {
        return build(FactorName.parse(name));
    }

    /** A composite named {@code name} of the built-in factors named by {@code weights}' keys, in map order. */
    public static Composite composite(String name, Map<String, Double> weights) {
        return composite(name, weights, Map.of());
    }

    /**
     * A composite named {@code name} of the factors named by {@code weights}' keys, in map order: a factor of
     * {@code defined} (e.g. a config's user factors) by its name, else a built-in one.
     */
    public static Composite composite(String name, Map<String, Double> weights, Map<String, Factor> defined) {
        List<Composite.Component> components = new ArrayList<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException("composite '" + name + "': weight of " + e.getKey() + " is missing");
            }
            Factor f = defined.get(e.getKey());
            components.add(new Composite.Component(f != null ? f : parse(e.getKey()), e.getValue()));
        }
        return new Composite(name, components);
    }

    private static MarketProxy proxy(String tag) {
        return switch (tag) {
            case "ew" -> new MarketProxy.EqualWeighted();
            case "vw" -> new MarketProxy.VolumeWeighted();
            default -> new MarketProxy.SymbolProxy(tag.toUpperCase(Locale.ROOT));
        };
    }

    /** The Spark definition of a parsed name. */
    static Factor build(FactorName f) {
        return switch (f.kind()) {
            case MOM -> new Momentum(f.param(0), f.param(1));
            case RAM -> new RiskAdjustedMomentum(f.param(0), f.param(1), f.param(2));
            case BETA -> new Beta(f.param(0), proxy(f.proxy()));
            case IVOL -> new IdiosyncraticVolatility(f.param(0), proxy(f.proxy()));
            case REV -> new Reversal(f.param(0));
            case RVOL -> new RealizedVolatility(f.param(0));
            case RVOL_ANN -> new RealizedVolatility(f.param(0), true);
            case DVOL -> new DownsideVolatility(f.param(0));
            case LIQ -> new Liquidity(f.param(0));
            case AMIHUD -> new AmihudIlliquidity(f.param(0));
            case SIZE -> new SizeProxy(f.param(0));
            case SMA_DIST -> new DistanceFromMovingAverage(f.param(0));
            case HIGH_RATIO -> new RatioToRollingHigh(f.param(0));
            case STAB -> new ReturnStability(f.param(0));
            case MDD -> new MaxDrawdown(f.param(0));
            case SKEW -> new Skewness(f.param(0));
        };
    }
}
