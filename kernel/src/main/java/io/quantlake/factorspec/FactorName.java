package io.quantlake.factorspec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A research factor name parsed, without Spark: the one grammar both the {@code factor} strategy's config
 * ({@code strategy.params.factors[k].name}) and research ({@code research factors}, {@code nightly}, research-core's
 * {@code FactorNames}) read, so a name accepted by one is accepted by the other.
 *
 * <p>Accepted names ({@value #FORMS}); {@code L, S, K, N} are decimal integers without leading zeros, and
 * {@code <proxy>} is {@code ew} (equal-weighted), {@code vw} (volume-weighted) or a lower-case alphanumeric symbol
 * such as {@code btcusdt}. Parameter ranges (a window in own bars, the errors named
 * {@code <family>.<parameter>} as research-core's factor records name them): {@code mom_L_S} S >= 0, L >= S + 1;
 * {@code rev, dvol, liq, amihud, size, high_ratio} N >= 1; {@code rvol, rvol_ann, sma_dist, stab, mdd} N >= 2;
 * {@code beta, ivol, skew} N >= 3; {@code ram_L_S_N} as {@code mom_L_S} and {@code rvol_N}.
 *
 * @param kind   the factor family
 * @param params its integer parameters in name order (bars)
 * @param proxy  the market proxy tag of {@code beta}/{@code ivol}, else empty
 */
public record FactorName(Kind kind, List<Integer> params, String proxy) {
    /** The accepted name forms, for error messages. */
    public static final String FORMS = "mom_L_S, rev_K, rvol_N, rvol_ann_N, dvol_N, liq_N, amihud_N, size_N, "
            + "beta_<proxy>_N, ivol_<proxy>_N, sma_dist_N, high_ratio_N, ram_L_S_N, stab_N, mdd_N, skew_N";

    /** A factor family: its name prefix, its number of integer parameters and the minimum window. */
    public enum Kind {
        MOM("mom", "momentum", 2, 0), REV("rev", "reversal", 1, 1), RVOL("rvol", "realized_volatility", 1, 2),
        RVOL_ANN("rvol_ann", "realized_volatility", 1, 2), DVOL("dvol", "downside_volatility", 1, 1),
        LIQ("liq", "liquidity", 1, 1), AMIHUD("amihud", "amihud_illiquidity", 1, 1), SIZE("size", "size_proxy", 1, 1),
        BETA("beta", "beta", 1, 3), IVOL("ivol", "idiosyncratic_volatility", 1, 3),
        SMA_DIST("sma_dist", "distance_from_moving_average", 1, 2),
        HIGH_RATIO("high_ratio", "ratio_to_rolling_high", 1, 1), RAM("ram", "momentum", 3, 0),
        STAB("stab", "return_stability", 1, 2), MDD("mdd", "max_drawdown", 1, 2), SKEW("skew", "skewness", 1, 3);

        private final String prefix;
        private final String family;
        private final int arity;
        private final int min;

        Kind(String prefix, String family, int arity, int min) {
            this.prefix = prefix;
            this.family = family;
            this.arity = arity;
            this.min = min;
        }

        /** The name prefix, e.g. {@code rvol_ann}. */
        public String prefix() {
            return prefix;
        }

        /** Whether the name carries a market proxy tag ({@code beta_<proxy>_N}, {@code ivol_<proxy>_N}). */
        public boolean hasProxy() {
            return this == BETA || this == IVOL;
        }
    }

    public FactorName {
        Objects.requireNonNull(kind, "kind");
        params = List.copyOf(params);
        Objects.requireNonNull(proxy, "proxy");
        if (params.size() != kind.arity) {
            throw new IllegalArgumentException(kind.prefix + " takes " + kind.arity + " parameters, got " + params);
        }
        if (kind.hasProxy() != !proxy.isEmpty() || !proxy.isEmpty() && !proxy.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException(kind.prefix + ": bad market proxy '" + proxy
                    + "' (ew, vw or a lower-case alphanumeric symbol)");
        }
        if (kind == Kind.MOM || kind == Kind.RAM) {
            require("momentum.skip", params.get(1), 0);
            require("momentum.lookback", params.get(0), params.get(1) + 1);
            if (kind == Kind.RAM) {
                require("realized_volatility.bars", params.get(2), Kind.RVOL.min);
            }
        } else {
            require(kind.family + ".bars", params.get(0), kind.min);
        }
    }

    /** Throws unless {@code value >= min}, naming the parameter as research-core's factor records do. */
    private static void require(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + ", got " + value);
        }
    }

    /** The canonical name, e.g. {@code mom_30_1}, {@code beta_btcusdt_60}: {@code parse(n).name().equals(n)}. */
    public String name() {
        StringBuilder b = new StringBuilder(kind.prefix);
        if (kind.hasProxy()) {
            b.append('_').append(proxy);
        }
        for (int p : params) {
            b.append('_').append(p);
        }
        return b.toString();
    }

    /** The {@code k}-th integer parameter. */
    public int param(int k) {
        return params.get(k);
    }

    /**
     * The factor named {@code name}. Errors are one line: an unknown form names the value and lists {@link #FORMS};
     * a known form with a parameter out of range names the factor and the parameter.
     */
    public static FactorName parse(String name) {
        String[] tokens = name == null ? new String[0] : name.split("_", -1);
        int firstNumber = tokens.length;
        while (firstNumber > 1 && tokens[firstNumber - 1].matches("0|[1-9]\\d{0,8}")) {
            firstNumber--;
        }
        if (firstNumber < tokens.length) {
            String head = String.join("_", Arrays.copyOfRange(tokens, 0, firstNumber));
            List<Integer> n = new ArrayList<>();
            for (int i = firstNumber; i < tokens.length; i++) {
                n.add(Integer.parseInt(tokens[i]));
            }
            for (Kind k : Kind.values()) {
                String proxy = "";
                if (k.hasProxy() && head.startsWith(k.prefix + "_")) {
                    proxy = head.substring(k.prefix.length() + 1);
                } else if (!head.equals(k.prefix)) {
                    continue;
                }
                if (n.size() != k.arity || k.hasProxy() && !proxy.matches("[a-z0-9]+")) {
                    continue;
                }
                try {
                    return new FactorName(k, n, proxy);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("factor '" + name + "': " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException("unknown factor '" + name + "'; accepted: " + FORMS);
    }

    /**
     * Whether {@code name} has the form of a built-in factor's name: a prefix of {@link #FORMS} (with its proxy tag
     * where the form has one) followed by {@code _N} numbers, whatever the numbers and their count. A user factor
     * may not take such a name.
     */
    public static boolean hasBuiltInForm(String name) {
        String[] tokens = name.split("_", -1);
        int firstNumber = tokens.length;
        while (firstNumber > 1 && tokens[firstNumber - 1].matches("\\d{1,9}")) {
            firstNumber--;
        }
        if (firstNumber == tokens.length) {
            return false;
        }
        String head = String.join("_", Arrays.copyOfRange(tokens, 0, firstNumber));
        for (Kind k : Kind.values()) {
            if (head.equals(k.prefix) || k.hasProxy() && head.startsWith(k.prefix + "_")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name();
    }
}
