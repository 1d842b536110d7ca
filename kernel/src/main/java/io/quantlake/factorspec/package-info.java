/**
 * Factor names shared by the kernel and the Spark side, with no Spark: {@link io.quantlake.factorspec.FactorName}
 * is the one grammar of research factor names ({@code mom_30_1}, {@code rev_3}, {@code rvol_30}, …) that
 * {@code research factors}, {@code nightly} and the {@code factor} strategy all accept, and
 * {@link io.quantlake.factorspec.FactorRef} is a factor a strategy or an exit reads from its panel. The values
 * themselves are Spark Column definitions (research-core {@code io.quantlake.factor}), computed over the lake
 * and attached to the panel as features named by the factor.
 */
package io.quantlake.factorspec;
