package io.quantlake.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigNode;
import io.quantlake.config.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The parameter sets of a sweep: a full grid or a seeded random search over some keys of
 * {@code strategy.params}. A swept value replaces the whole value of its key (so a nested param
 * such as {@code schedule} is swept as a list of mappings, e.g. {@code [{every: 5}, {monthly: 1}]}).
 */
public sealed interface ParamSpace {
    /** Maximum number of sets of one sweep (a guard against a typo exploding a grid). */
    int MAX_SETS = 1_000_000;

    /**
     * The sets in their deterministic order, merged into {@code baseParams}; duplicates (same hash)
     * are dropped keeping the first, and the indices are then 0, 1, 2, …
     */
    List<ParameterSet> expand(String strategy, JsonNode baseParams);

    /**
     * {@code grid: {p: [v1, v2], q: [w1, w2, w3]}}: the Cartesian product in odometer order — the
     * first key varies slowest, the last key fastest (p=v1,q=w1; p=v1,q=w2; …).
     */
    record Grid(Map<String, List<JsonNode>> values) implements ParamSpace {
        public Grid {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a grid needs at least one parameter");
            }
            long n = 1;
            for (Map.Entry<String, List<JsonNode>> e : values.entrySet()) {
                if (e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("grid parameter " + e.getKey() + " has no values");
                }
                n *= e.getValue().size();
                if (n > MAX_SETS) {
                    throw new IllegalArgumentException("grid has more than " + MAX_SETS + " sets");
                }
            }
        }

        @Override
        public List<ParameterSet> expand(String strategy, JsonNode baseParams) {
            List<String> keys = new ArrayList<>(values.keySet());
            int[] digit = new int[keys.size()];
            List<Map<String, JsonNode>> points = new ArrayList<>();
            while (true) {
                Map<String, JsonNode> point = new LinkedHashMap<>();
                for (int k = 0; k < keys.size(); k++) {
                    point.put(keys.get(k), values.get(keys.get(k)).get(digit[k]));
                }
                points.add(point);
                int k = keys.size() - 1;
                while (k >= 0 && ++digit[k] == values.get(keys.get(k)).size()) {
                    digit[k--] = 0;
                }
                if (k < 0) {
                    return distinct(strategy, baseParams, points);
                }
            }
        }
    }

    /**
     * {@code random: {samples: N, seed: S, params: {...}}}: N draws from {@code java.util.Random(S)}
     * (whose algorithm the JDK specifies, so the sets are the same on every JVM); in each draw the
     * params are drawn in document order.
     */
    record RandomSearch(int samples, long seed, Map<String, ParamDistribution> params) implements ParamSpace {
        public RandomSearch {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
            if (samples < 1 || samples > MAX_SETS) {
                throw new IllegalArgumentException("random.samples must be in [1, " + MAX_SETS + "], got " + samples);
            }
            if (params.isEmpty()) {
                throw new IllegalArgumentException("a random search needs at least one parameter");
            }
        }

        @Override
        public List<ParameterSet> expand(String strategy, JsonNode baseParams) {
            Random rng = new Random(seed);
            List<Map<String, JsonNode>> points = new ArrayList<>(samples);
            for (int s = 0; s < samples; s++) {
                Map<String, JsonNode> point = new LinkedHashMap<>();
                for (Map.Entry<String, ParamDistribution> e : params.entrySet()) {
                    point.put(e.getKey(), e.getValue().draw(rng));
                }
                points.add(point);
            }
            return distinct(strategy, baseParams, points);
        }
    }

    private static List<ParameterSet> distinct(String strategy, JsonNode base, List<Map<String, JsonNode>> points) {
        List<ParameterSet> out = new ArrayList<>(points.size());
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, JsonNode> p : points) {
            ParameterSet set = ParameterSet.of(out.size(), strategy, base, p);
            if (seen.add(set.hash())) {
                out.add(set);
            }
        }
        return List.copyOf(out);
    }

    /** Binds exactly one of {@code grid} and {@code random} of the sweep document's root. */
    static ParamSpace bind(ConfigNode root) {
        if (root.has("grid") == root.has("random")) {
            throw new ConfigException("sweep config needs exactly one of `grid` and `random` (" + root.origin() + ")");
        }
        return root.has("grid") ? bindGrid(root.object("grid")) : bindRandom(root.object("random"));
    }

    private static Grid bindGrid(ConfigNode grid) {
        Map<String, List<JsonNode>> values = new LinkedHashMap<>();
        for (String key : grid.keys()) {
            JsonNode v = grid.require(key);
            if (!v.isArray() || v.isEmpty()) {
                throw grid.invalid(key, "a non-empty list of values", v);
            }
            List<JsonNode> list = new ArrayList<>();
            v.forEach(list::add);
            values.put(key, list);
        }
        if (values.isEmpty()) {
            throw new ConfigException("config key `" + grid.path() + "` must map at least one parameter to its values ("
                    + grid.origin() + ")");
        }
        try {
            return new Grid(values);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (" + grid.origin() + ")", e);
        }
    }

    private static RandomSearch bindRandom(ConfigNode random) {
        random.allowOnly("samples", "seed", "params");
        random.requireAll("samples", "seed", "params");
        int samples = random.integer("samples", 1, MAX_SETS);
        JsonNode seedNode = random.require("seed");
        if (!seedNode.canConvertToExactIntegral() || !seedNode.canConvertToLong()) {
            throw random.invalid("seed", "an integer", seedNode);
        }
        ConfigNode params = random.object("params");
        Map<String, ParamDistribution> dists = new LinkedHashMap<>();
        for (String key : params.keys()) {
            JsonNode v = params.require(key);
            if (v.isArray()) {
                if (v.isEmpty()) {
                    throw params.invalid(key, "a non-empty list of choices or {min, max[, int]}", v);
                }
                List<JsonNode> choices = new ArrayList<>();
                v.forEach(choices::add);
                dists.put(key, new ParamDistribution.Choice(choices));
            } else if (v.isObject()) {
                ConfigNode u = params.object(key);
                u.allowOnly("min", "max", "int");
                u.requireAll("min", "max");
                double min = u.number("min", Range.finite());
                double max = u.number("max", Range.atLeast(min));
                JsonNode intNode = u.json().get("int");
                if (intNode != null && !intNode.isNull() && !intNode.isBoolean()) {
                    throw u.invalid("int", "true or false", intNode);
                }
                boolean integer = intNode != null && intNode.asBoolean();
                if (integer && (min != Math.rint(min) || max != Math.rint(max))) {
                    throw u.invalid("min", "integer bounds when int: true", "[" + min + ", " + max + "]");
                }
                dists.put(key, new ParamDistribution.Uniform(min, max, integer));
            } else {
                throw params.invalid(key, "a list of choices or {min, max[, int]}", v);
            }
        }
        if (dists.isEmpty()) {
            throw random.invalid("params", "a mapping of at least one parameter", params.json());
        }
        return new RandomSearch(samples, seedNode.asLong(), dists);
    }
}
