package io.quantlake.portfolio;

/** The {@code sizing.method} of a {@link SizingSpec}; see {@link WeightSizer} for what each does. */
public enum SizingMethod {
    FIXED_FRACTION("fixed_fraction"),
    KELLY("kelly"),
    INVERSE_VOL("inverse_vol"),
    ERC("erc"),
    VOL_TARGET("vol_target");

    private final String code;

    SizingMethod(String code) {
        this.code = code;
    }

    /** The config code, e.g. {@code vol_target}. */
    public String code() {
        return code;
    }
}
