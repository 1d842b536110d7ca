package io.quantlake.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.List;
import java.util.Random;

/** How a random search draws one parameter (sweep YAML {@code random.params.<name>}). */
public sealed interface ParamDistribution {
    /** One draw; consumes exactly one value of {@code rng}. */
    JsonNode draw(Random rng);

    /**
     * {@code {min, max}}: uniform on {@code [min, max)} as a double; {@code {min, max, int: true}}:
     * uniform on the integers {@code min..max} inclusive.
     */
    record Uniform(double min, double max, boolean integer) implements ParamDistribution {
        public Uniform {
            if (!Double.isFinite(min) || !Double.isFinite(max) || !(min <= max)) {
                throw new IllegalArgumentException("uniform range needs finite min <= max, got [" + min + ", " + max + "]");
            }
            if (integer && (min != Math.rint(min) || max != Math.rint(max) || max - min >= Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("integer range needs integer bounds, got [" + min + ", " + max + "]");
            }
        }

        @Override
        public JsonNode draw(Random rng) {
            if (integer) {
                return LongNode.valueOf((long) min + rng.nextInt((int) (max - min) + 1));
            }
            return DoubleNode.valueOf(min + (max - min) * rng.nextDouble());
        }
    }

    /** {@code [a, b, c]}: one of the listed values (any YAML value), each equally likely. */
    record Choice(List<JsonNode> values) implements ParamDistribution {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a choice needs at least one value");
            }
        }

        @Override
        public JsonNode draw(Random rng) {
            return values.get(rng.nextInt(values.size()));
        }
    }
}
