package io.quantlake.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a sweep: the complete {@code strategy.params} of one backtest (the base config's
 * params with the swept keys replaced), in canonical JSON, and its stable id.
 *
 * <p>Canonical JSON: keys sorted at every depth, numbers as written (an integer stays an integer,
 * {@code 1.0} stays a double). {@code paramHash} = the first 16 hex digits of
 * SHA-256(strategy name + "\n" + canonical JSON): the same strategy and params give the same id in
 * every JVM, whatever the key order of the files; any change of a value gives another id.
 *
 * @param index    position in the sweep's deterministic order (grid odometer or random draw order)
 * @param strategy strategy name ({@code strategy.name} of the base config, or its {@code strategy.class})
 * @param json     canonical JSON of the complete params
 * @param hash     the stable id ({@code param_hash} of {@code sweep_results})
 */
public record ParameterSet(int index, String strategy, String json, String hash) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public ParameterSet {
        if (index < 0) {
            throw new IllegalArgumentException("parameter set index must be >= 0, got " + index);
        }
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(json, "json");
        if (hash == null || !hash.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("param_hash must be 16 lower-case hex digits, got " + hash);
        }
    }

    /**
     * The set made of {@code base} params with every key of {@code overrides} replaced (or added).
     *
     * @param base      the base config's {@code strategy.params} mapping
     * @param overrides swept key → value, in document order
     */
    public static ParameterSet of(int index, String strategy, JsonNode base, Map<String, JsonNode> overrides) {
        ObjectNode merged = base.isObject() ? ((ObjectNode) base).deepCopy() : CANONICAL.createObjectNode();
        for (Map.Entry<String, JsonNode> e : overrides.entrySet()) {
            merged.set(e.getKey(), e.getValue());
        }
        String json = canonicalJson(merged);
        return new ParameterSet(index, strategy, json, hash(strategy, json));
    }

    /** The params as a map for {@link io.quantlake.config.BacktestConfig#withParams} (nested maps and lists kept). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> params() {
        try {
            return CANONICAL.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parameter set " + hash + " holds invalid JSON " + json, e);
        }
    }

    static String canonicalJson(JsonNode node) {
        try {
            Object plain = CANONICAL.treeToValue(node, Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters cannot be written as JSON: " + node, e);
        }
    }

    static String hash(String strategy, String canonicalJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((strategy + "\n" + canonicalJson).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(16);
            for (int k = 0; k < 8; k++) {
                hex.append(Character.forDigit((d[k] >> 4) & 0xF, 16)).append(Character.forDigit(d[k] & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return strategy + " " + hash + " " + json;
    }
}
