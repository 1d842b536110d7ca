/**
 * YAML configuration bound strictly to records: {@link io.quantlake.config.ConfigLoader} reads a
 * file once, {@link io.quantlake.config.ConfigNode} gives typed getters whose errors name the key
 * path, the file, the accepted values and the value found, and binders such as
 * {@link io.quantlake.config.BacktestConfig#bind} build validated records from it.
 */
package io.quantlake.config;
