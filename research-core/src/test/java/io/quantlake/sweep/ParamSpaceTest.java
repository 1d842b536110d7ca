package io.quantlake.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantlake.config.ConfigException;
import io.quantlake.config.ConfigLoader;
import io.quantlake.config.ConfigNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expansion of grid and random parameter spaces into ordered, hashed parameter sets. */
class ParamSpaceTest {
    private static final JsonNode BASE = SweepFixtures.base().strategy().params().json();

    private static ParamSpace space(String yaml) {
        return ParamSpace.bind(ConfigLoader.parse(yaml, "file sweep.yaml").root());
    }

    @Test
    void gridIsTheCartesianProductInOdometerOrder() {
        List<ParameterSet> sets = space("grid: {lookback: [5, 10], schedule: [{every: 5}, {every: 10}, daily]}")
                .expand("inverse_vol", BASE);
        assertEquals(6, sets.size());
        // the first key varies slowest, the last fastest; unswept base params (band) are kept
        assertEquals("{\"band\":0,\"lookback\":5,\"schedule\":{\"every\":5}}", sets.get(0).json());
        assertEquals("{\"band\":0,\"lookback\":5,\"schedule\":{\"every\":10}}", sets.get(1).json());
        assertEquals("{\"band\":0,\"lookback\":5,\"schedule\":\"daily\"}", sets.get(2).json());
        assertEquals("{\"band\":0,\"lookback\":10,\"schedule\":{\"every\":5}}", sets.get(3).json());
        assertEquals("{\"band\":0,\"lookback\":10,\"schedule\":\"daily\"}", sets.get(5).json());
        for (int k = 0; k < sets.size(); k++) {
            assertEquals(k, sets.get(k).index());
        }
        assertEquals(6, sets.stream().map(ParameterSet::hash).distinct().count());
    }

    @Test
    void hashIsStableAcrossKeyOrderAndChangesWithAnyValue() {
        ParameterSet a = ParameterSet.of(0, "inverse_vol",
                ConfigLoader.parse("{lookback: 20, band: 0, schedule: {every: 5}}", "a").root().json(), Map.of());
        ParameterSet b = ParameterSet.of(3, "inverse_vol",
                ConfigLoader.parse("{schedule: {every: 5}, band: 0, lookback: 20}", "b").root().json(), Map.of());
        assertEquals(a.hash(), b.hash());
        assertEquals(a.json(), b.json());
        // pinned (Python: hashlib.sha256(b'inverse_vol\n{"band":0,"lookback":20,"schedule":{"every":5}}').hexdigest()[:16]):
        // a changed hash would orphan every stored sweep result
        assertEquals("54b9b82d09c74ad6", a.hash());
        ParameterSet c = ParameterSet.of(0, "inverse_vol",
                ConfigLoader.parse("{lookback: 21, band: 0, schedule: {every: 5}}", "c").root().json(), Map.of());
        assertNotEquals(a.hash(), c.hash());
        assertNotEquals(a.hash(), ParameterSet.of(0, "market_neutral", BASE, Map.of()).hash());
    }

    @Test
    void randomSearchIsDeterministicPerSeedAndWithinBounds() {
        String yaml = "random: {samples: 40, seed: 7, params: {lookback: {min: 5, max: 30, int: true},"
                + " band: {min: 0, max: 0.05}, schedule: [{every: 5}, {every: 10}]}}";
        List<ParameterSet> first = space(yaml).expand("inverse_vol", BASE);
        List<ParameterSet> again = space(yaml).expand("inverse_vol", BASE);
        assertEquals(first, again);
        assertEquals(40, first.size());
        List<ParameterSet> other = space(yaml.replace("seed: 7", "seed: 8")).expand("inverse_vol", BASE);
        assertNotEquals(first, other);
        Set<Object> schedules = new HashSet<>();
        for (ParameterSet s : first) {
            Map<String, Object> p = s.params();
            int lookback = ((Number) p.get("lookback")).intValue();
            double band = ((Number) p.get("band")).doubleValue();
            assertTrue(lookback >= 5 && lookback <= 30, "lookback " + lookback);
            assertTrue(p.get("lookback") instanceof Integer, "int: true draws integers");
            assertTrue(band >= 0 && band < 0.05, "band " + band);
            schedules.add(p.get("schedule"));
        }
        assertEquals(Set.of(Map.of("every", 5), Map.of("every", 10)), schedules);
    }

    @Test
    void randomDuplicatesAreDroppedKeepingTheFirst() {
        List<ParameterSet> sets = space("random: {samples: 50, seed: 1, params: {lookback: [10, 20]}}")
                .expand("inverse_vol", BASE);
        assertEquals(2, sets.size());
        assertEquals(List.of(0, 1), sets.stream().map(ParameterSet::index).toList());
    }

    @Test
    void bindingErrorsNameTheKeyAndTheFile() {
        ConfigException both = assertThrows(ConfigException.class,
                () -> space("grid: {lookback: [5]}\nrandom: {samples: 1, seed: 1, params: {lookback: [5]}}"));
        assertTrue(both.getMessage().contains("exactly one of `grid` and `random`"), both.getMessage());
        ConfigException scalar = assertThrows(ConfigException.class, () -> space("grid: {lookback: 5}"));
        assertEquals("config key `grid.lookback` must be a non-empty list of values, got 5 (file sweep.yaml)",
                scalar.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> space("random: {samples: 3, seed: 1, params: {lookback: {min: 1, max: 5, step: 1}}}"));
        assertEquals("unknown config key `random.params.lookback.step` (file sweep.yaml); accepted keys: min, max, int",
                unknown.getMessage());
        ConfigException bounds = assertThrows(ConfigException.class,
                () -> space("random: {samples: 3, seed: 1, params: {lookback: {min: 1.5, max: 5, int: true}}}"));
        assertTrue(bounds.getMessage().contains("random.params.lookback.min"), bounds.getMessage());
    }

    @Test
    void configNodeOfMapsBindsLikeYaml() {
        ConfigNode n = ConfigNode.of(Map.of("grid", Map.of("lookback", List.of(5, 10))), "", "notebook");
        assertEquals(2, ParamSpace.bind(n).expand("inverse_vol", BASE).size());
    }
}
