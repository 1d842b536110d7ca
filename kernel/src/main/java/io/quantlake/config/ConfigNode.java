package io.quantlake.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quantlake.market.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A strict view of one YAML mapping: typed getters that fail with a message naming the full key
 * path, the origin (usually {@code file conf/mn.yaml}), the accepted values and the value found,
 * e.g. "config key `strategy.params.band` must be in [0, 1), got 1.5 (file conf/mn.yaml)".
 *
 * <p>Binders read every key they know and then call {@link #allowOnly} so that any other key is an
 * error listing the accepted keys (DESIGN.md conventions). Immutable.
 */
public final class ConfigNode {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode json;
    private final String path;
    private final String origin;

    private ConfigNode(JsonNode json, String path, String origin) {
        this.json = Objects.requireNonNull(json, "json");
        this.path = Objects.requireNonNull(path, "path");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * The root mapping of a document.
     *
     * @param origin where it came from, printed in parentheses in errors, e.g. {@code file conf/mn.yaml}
     */
    public static ConfigNode root(JsonNode json, String origin) {
        if (json == null || json.isMissingNode() || json.isNull()) {
            return new ConfigNode(JsonNodeFactory.instance.objectNode(), "", origin);
        }
        if (!json.isObject()) {
            throw new ConfigException("config must be a mapping of keys, got " + render(json) + " (" + origin + ")");
        }
        return new ConfigNode(json, "", origin);
    }

    /**
     * A node over an in-memory map (notebooks, sweeps), with key paths starting at {@code path}.
     * Values may be numbers, strings, lists and nested maps.
     */
    public static ConfigNode of(Map<String, ?> values, String path, String origin) {
        return new ConfigNode(MAPPER.valueToTree(values), path, origin);
    }

    /** The underlying Jackson tree (read-only by convention). */
    public JsonNode json() {
        return json;
    }

    /** Dotted key path of this node; empty for the root. */
    public String path() {
        return path;
    }

    /** Where the document came from, e.g. {@code file conf/mn.yaml}. */
    public String origin() {
        return origin;
    }

    /** Dotted path of a child key, e.g. {@code strategy.params.band}. */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Whether {@code key} is present with a non-null value. */
    public boolean has(String key) {
        JsonNode v = json.get(key);
        return v != null && !v.isNull();
    }

    /** Keys of this mapping, in document order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        json.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Fails on the first key not in {@code accepted}, listing the accepted keys. */
    public void allowOnly(String... accepted) {
        Set<String> ok = new LinkedHashSet<>(Arrays.asList(accepted));
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ok.contains(k)) {
                throw new ConfigException("unknown config key `" + keyPath(k) + "` (" + origin + "); accepted keys: "
                        + String.join(", ", ok));
            }
        }
    }

    /** Fails naming the first of {@code required} that is absent. */
    public void requireAll(String... required) {
        for (String k : required) {
            if (!has(k)) {
                throw missing(k, " required keys: " + String.join(", ", required));
            }
        }
    }

    /** The error for an absent required key; {@code hint} (may be empty) is appended after a semicolon. */
    public ConfigException missing(String key, String hint) {
        return new ConfigException("config key `" + keyPath(key) + "` is required (" + origin + ")"
                + (hint.isEmpty() ? "" : ";" + hint));
    }

    /** "config key `K` must be EXPECTED, got V (ORIGIN)". */
    public ConfigException invalid(String key, String expected, JsonNode got) {
        return new ConfigException("config key `" + keyPath(key) + "` must be " + expected + ", got " + render(got)
                + " (" + origin + ")");
    }

    /** Same as {@link #invalid(String, String, JsonNode)} with a value already rendered. */
    public ConfigException invalid(String key, String expected, String got) {
        return new ConfigException("config key `" + keyPath(key) + "` must be " + expected + ", got " + got
                + " (" + origin + ")");
    }

    /** The raw child value; fails when absent. */
    public JsonNode require(String key) {
        if (!has(key)) {
            throw missing(key, "");
        }
        return json.get(key);
    }

    /** A required nested mapping. */
    public ConfigNode object(String key) {
        JsonNode v = require(key);
        if (!v.isObject()) {
            throw invalid(key, "a mapping of keys", v);
        }
        return new ConfigNode(v, keyPath(key), origin);
    }

    /** A nested mapping, or an empty one when absent. */
    public ConfigNode objectOrEmpty(String key) {
        return has(key) ? object(key) : new ConfigNode(JsonNodeFactory.instance.objectNode(), keyPath(key), origin);
    }

    /**
     * A non-empty list of mappings, each a node whose key paths start at {@code key[k]} (e.g.
     * {@code strategy.exits[1].bars}); an empty list when absent. {@code expected} describes the list in
     * the error, e.g. "a non-empty list of mappings such as {type: time_exit, bars: 10}".
     */
    public List<ConfigNode> objectList(String key, String expected) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode v = json.get(key);
        if (!v.isArray() || v.isEmpty()) {
            throw invalid(key, expected, v);
        }
        List<ConfigNode> out = new ArrayList<>(v.size());
        for (int k = 0; k < v.size(); k++) {
            String item = key + "[" + k + "]";
            if (!v.get(k).isObject()) {
                throw invalid(item, "a mapping of keys (" + expected + ")", v.get(k));
            }
            out.add(new ConfigNode(v.get(k), keyPath(item), origin));
        }
        return out;
    }

    /** A required non-empty string. */
    public String string(String key) {
        JsonNode v = require(key);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw invalid(key, "a non-empty string", v);
        }
        return v.asText();
    }

    /** A string, or {@code def} when absent. */
    public String string(String key, String def) {
        return has(key) ? string(key) : def;
    }

    /** A required string among {@code accepted} (exact match). */
    public String choice(String key, String... accepted) {
        JsonNode v = require(key);
        for (String a : accepted) {
            if (v.isTextual() && v.asText().equals(a)) {
                return a;
            }
        }
        throw invalid(key, "one of " + String.join(", ", accepted), v);
    }

    /** A string among {@code accepted}, or {@code def} when absent. */
    public String choiceOr(String key, String def, String... accepted) {
        return has(key) ? choice(key, accepted) : def;
    }

    /**
     * A required enum constant written as its lower-case name ({@code NEXT_OPEN} is {@code next_open});
     * the error lists every constant.
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        E[] all = type.getEnumConstants();
        String[] codes = new String[all.length];
        for (int k = 0; k < all.length; k++) {
            codes[k] = all[k].name().toLowerCase(java.util.Locale.ROOT);
        }
        String code = choice(key, codes);
        return all[Arrays.asList(codes).indexOf(code)];
    }

    /** An enum constant as {@link #choice(String, Class)}, or {@code def} when absent. */
    public <E extends Enum<E>> E choice(String key, E def) {
        return has(key) ? choice(key, def.getDeclaringClass()) : def;
    }

    /** A required number in {@code range}. */
    public double number(String key, Range range) {
        JsonNode v = require(key);
        if (!v.isNumber()) {
            throw invalid(key, range.equals(Range.finite()) ? "a number" : "a number " + range.describe(), v);
        }
        double x = v.asDouble();
        if (!range.contains(x)) {
            throw invalid(key, range.describe(), v);
        }
        return x;
    }

    /** A number in {@code range}, or {@code def} when absent. */
    public double number(String key, Range range, double def) {
        return has(key) ? number(key, range) : def;
    }

    /** A required integer in {@code [min, max]}. */
    public int integer(String key, int min, int max) {
        JsonNode v = require(key);
        String expected = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer in [" + min + ", " + max + "]";
        if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToInt()) {
            throw invalid(key, expected, v);
        }
        int x = v.asInt();
        if (x < min || x > max) {
            throw invalid(key, expected, v);
        }
        return x;
    }

    /** An integer in {@code [min, max]}, or {@code def} when absent. */
    public int integer(String key, int min, int max, int def) {
        return has(key) ? integer(key, min, max) : def;
    }

    /**
     * A required instant: a UTC date ({@code 2024-01-01} = 00:00 UTC) or an ISO-8601 date-time, with an
     * offset or {@code Z}, or without one (read as UTC).
     */
    public Instant instant(String key) {
        JsonNode v = require(key);
        String expected = "a UTC date (2024-01-01) or an ISO-8601 date-time (2024-01-01T00:00:00Z)";
        if (!v.isTextual()) {
            throw invalid(key, expected, v);
        }
        String s = v.asText().trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw invalid(key, expected, v);
        }
    }

    /** A required Binance bar interval code ({@code 1d}, {@code 4h}, …); the error lists every code. */
    public Interval interval(String key) {
        JsonNode v = require(key);
        try {
            return Interval.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(key, "one of " + Interval.codes(), v);
        }
    }

    /** A required non-empty list of distinct non-empty strings. */
    public List<String> stringList(String key) {
        JsonNode v = require(key);
        String expected = "a non-empty list of distinct strings";
        if (!v.isArray() || v.isEmpty()) {
            throw invalid(key, expected, v);
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank() || !seen.add(e.asText())) {
                throw invalid(key, expected, v);
            }
            out.add(e.asText());
        }
        return List.copyOf(out);
    }

    /** A required non-empty mapping of names to numbers in {@code range}, in document order. */
    public Map<String, Double> numberMap(String key, Range range) {
        ConfigNode m = object(key);
        if (m.json.isEmpty()) {
            throw invalid(key, "a non-empty mapping of names to numbers", m.json);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : m.keys()) {
            out.put(k, m.number(k, range));
        }
        return out;
    }

    /** The value as written in the document: strings quoted, mappings and lists as JSON. */
    public static String render(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return "\"" + v.asText() + "\"";
        }
        return v.toString();
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "<root>" : path) + "=" + json + " (" + origin + ")";
    }
}
