package io.quantlake.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantlake.schedule.RebalanceMode;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.schedule.RebalanceSchedule;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.WeightStrategy;
import java.util.Locale;
import java.util.Objects;

/**
 * Binds one strategy's {@code strategy.params} (one binder per strategy; {@link StrategyRegistry} names them):
 * validates every param (errors name the key path, the accepted values and the file), rejects unknown params
 * with the accepted ones, and builds the strategy once from typed values. The strategies themselves know
 * nothing of YAML. The band/schedule binding all binders share is here ({@link #schedule}, {@link #weight}); the
 * selection binding is {@link SelectionBinding}.
 */
@FunctionalInterface
public interface StrategyBinder {
    /** Binds {@code params} (the {@code strategy.params} mapping, empty when absent). */
    Bound bind(ConfigNode params);

    /**
     * A bound strategy: built once, with the rebalance rule its {@code band} and {@code schedule} make
     * ({@code rebalance.to} is the target until {@link BacktestConfig} sets the config's).
     */
    record Bound(ConfiguredStrategy strategy, RebalanceRule rule) {
        public Bound {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /**
     * A bound weight strategy with the rebalance rule of {@code strategy.params}: {@code band} (default
     * {@code defaultBand}; its [0, 1) check is the rule's, the error names the key) and the schedule's
     * {@code threshold} flag. The band/schedule binding every weight binder shares.
     */
    static Bound weight(WeightStrategy strategy, ConfigNode p, double defaultBand, boolean threshold) {
        ConfiguredStrategy built = new ConfiguredStrategy.Weight(strategy);
        if (!p.has("band")) {
            return new Bound(built, new RebalanceRule(defaultBand, RebalanceMode.TARGET, threshold));
        }
        JsonNode v = p.require("band");
        if (!v.isNumber()) {
            throw p.invalid("band", "a number " + RebalanceRule.BAND_RANGE, v);
        }
        try {
            return new Bound(built, new RebalanceRule(v.asDouble(), RebalanceMode.TARGET, threshold));
        } catch (IllegalArgumentException e) {
            throw p.invalid("band", RebalanceRule.BAND_RANGE, v);
        }
    }

    /**
     * Binds the schedule written at {@code parent.key}, e.g. {@code schedule: {monthly: 1}} (shapes in
     * {@link RebalanceSchedule}); the error names the key, the file and the accepted shapes.
     */
    static RebalanceSchedule schedule(ConfigNode parent, String key) {
        JsonNode v = parent.require(key);
        if (v.isTextual()) {
            switch (v.asText()) {
                case "every_bar":
                    return new RebalanceSchedule.EveryBar();
                case "daily":
                    return new RebalanceSchedule.Daily();
                case "threshold":
                    return new RebalanceSchedule.Threshold();
                default:
                    throw parent.invalid(key, RebalanceSchedule.ACCEPTED, v);
            }
        }
        if (!v.isObject() || v.size() != 1) {
            throw parent.invalid(key, RebalanceSchedule.ACCEPTED, v);
        }
        ConfigNode node = parent.object(key);
        String kind = node.keys().get(0);
        switch (kind) {
            case "every":
                return new RebalanceSchedule.Every(node.integer("every", 1, Integer.MAX_VALUE));
            case "weekly":
                return new RebalanceSchedule.Weekly(isoDay(node));
            case "monthly":
                return new RebalanceSchedule.Monthly(node.integer("monthly", 1, 31));
            default:
                throw parent.invalid(key, RebalanceSchedule.ACCEPTED, v);
        }
    }

    /** An error unless {@code key} is absent: it is only accepted under {@code condition}. */
    static void absentUnless(ConfigNode p, String key, String condition) {
        if (p.has(key)) {
            throw p.invalid(key, "absent unless " + condition, p.require(key));
        }
    }

    private static int isoDay(ConfigNode node) {
        JsonNode v = node.require("weekly");
        String expected = "an ISO weekday 1..7 (1 = Monday) or a day name (mon, monday, …)";
        if (v.isTextual()) {
            String s = v.asText().toLowerCase(Locale.ROOT);
            String[] names = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
            for (int d = 0; d < names.length; d++) {
                if (s.equals(names[d]) || s.equals(names[d].substring(0, 3))) {
                    return d + 1;
                }
            }
            throw node.invalid("weekly", expected, v);
        }
        if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 7) {
            throw node.invalid("weekly", expected, v);
        }
        return v.asInt();
    }
}
