package io.quantlake.factor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses factor names as they appear in configs, the wide frame and the Delta table {@code factors}
 * back into factors: {@code parse(f.name()).equals(f)} for every factor.
 *
 * <p>Accepted names ({@value #FORMS}); {@code <proxy>} is {@code ew} (equal-weighted), {@code vw}
 * (volume-weighted) or a lower-case symbol such as {@code btcusdt}.
 */
public final class FactorNames {
    static final String FORMS = "mom_L_S, rev_K, rvol_N, rvol_ann_N, dvol_N, liq_N, amihud_N, size_N, beta_<proxy>_N, "
            + "ivol_<proxy>_N, sma_dist_N, high_ratio_N, ram_L_S_N, stab_N, mdd_N, skew_N";

    /** Heads of the forms above: a name of a head and {@code _N} numbers is a built-in factor's name. */
    private static final Set<String> HEADS = Set.of("mom", "rev", "rvol", "rvol_ann", "dvol", "liq", "amihud", "size",
            "sma_dist", "high_ratio", "ram", "stab", "mdd", "skew");

    private FactorNames() {
    }

    /**
     * Whether {@code name} has the form of a built-in factor's name (a head of {@value #FORMS} followed by
     * {@code _N} numbers, whatever the numbers), so that a user factor may not take it.
     */
    public static boolean hasBuiltInForm(String name) {
        String[] tokens = name.split("_", -1);
        int firstNumber = firstNumber(tokens);
        if (firstNumber == tokens.length) {
            return false;
        }
        String head = String.join("_", Arrays.copyOfRange(tokens, 0, firstNumber));
        return HEADS.contains(head) || head.startsWith("beta_") || head.startsWith("ivol_");
    }

    /** Index of the first of the trailing all-digit tokens (tokens.length when there is none; never 0). */
    private static int firstNumber(String[] tokens) {
        int firstNumber = tokens.length;
        while (firstNumber > 1 && tokens[firstNumber - 1].matches("\\d{1,9}")) {
            firstNumber--;
        }
        return firstNumber;
    }

    /** The factor named {@code name}; the error names the value and lists the accepted forms. */
    public static Factor parse(String name) {
        String[] tokens = name == null ? new String[0] : name.split("_", -1);
        int firstNumber = firstNumber(tokens);
        if (firstNumber < tokens.length) {
            String head = String.join("_", Arrays.copyOfRange(tokens, 0, firstNumber));
            int[] n = new int[tokens.length - firstNumber];
            for (int i = 0; i < n.length; i++) {
                n[i] = Integer.parseInt(tokens[firstNumber + i]);
            }
            try {
                Factor f = build(head, n);
                if (f != null && f.name().equals(name)) {
                    return f;
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("factor '" + name + "': " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("unknown factor '" + name + "'; accepted: " + FORMS);
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

    private static Factor build(String full, int[] n) {
        if ((full.startsWith("beta_") || full.startsWith("ivol_")) && n.length == 1) {
            MarketProxy proxy = proxy(full.substring(5));
            return full.startsWith("beta_") ? new Beta(n[0], proxy) : new IdiosyncraticVolatility(n[0], proxy);
        }
        if (n.length == 2 && full.equals("mom")) {
            return new Momentum(n[0], n[1]);
        }
        if (n.length == 3 && full.equals("ram")) {
            return new RiskAdjustedMomentum(n[0], n[1], n[2]);
        }
        if (n.length != 1) {
            return null;
        }
        int k = n[0];
        return switch (full) {
            case "rev" -> new Reversal(k);
            case "rvol" -> new RealizedVolatility(k);
            case "rvol_ann" -> new RealizedVolatility(k, true);
            case "dvol" -> new DownsideVolatility(k);
            case "liq" -> new Liquidity(k);
            case "amihud" -> new AmihudIlliquidity(k);
            case "size" -> new SizeProxy(k);
            case "sma_dist" -> new DistanceFromMovingAverage(k);
            case "high_ratio" -> new RatioToRollingHigh(k);
            case "stab" -> new ReturnStability(k);
            case "mdd" -> new MaxDrawdown(k);
            case "skew" -> new Skewness(k);
            default -> null;
        };
    }
}
