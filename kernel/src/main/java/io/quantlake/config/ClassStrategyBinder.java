package io.quantlake.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantlake.market.Market;
import io.quantlake.schedule.RebalanceRule;
import io.quantlake.strategy.ConfiguredStrategy;
import io.quantlake.strategy.LegacyStrategy;
import io.quantlake.strategy.SignalStrategy;
import io.quantlake.strategy.WeightStrategy;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code strategy: {class: com.example.MyStrategy, params: {…}}}: a strategy class of the user's, loaded from the
 * classpath and built from {@code strategy.params}. The class implements one of the three tiers of
 * {@code io.quantlake.strategy} (checked in this order): {@link WeightStrategy}, {@link SignalStrategy} or
 * {@link LegacyStrategy}.
 *
 * <p>Loading: the thread's context class loader first (spark-submit's {@code --jars}, a notebook's cells), then
 * the loader of QuantLake itself (the JVM class path: {@code QUANTLAKE_CLASSPATH} of {@code bin/quantlake}).
 *
 * <p>Params, by the first shape the class has:
 * <ul>
 *   <li>a record: each component is the param of its name in snake_case ({@code entryBars} is
 *       {@code entry_bars}), every one required, no other key accepted; component types {@code int},
 *       {@code long}, {@code double}, {@code boolean} (or boxed), {@code String}, an enum (its constant's name in
 *       lower case), {@code List<T>}, {@code Map<String, T>} and nested records (a mapping), nested as needed;</li>
 *   <li>a public constructor taking a {@code Map<String, Object>}: the params as plain Java values (Integer,
 *       Long, Double, Boolean, String, List, Map), which the class checks itself;</li>
 *   <li>a public no-arg constructor, when there are no params.</li>
 * </ul>
 * Engine keys next to {@code class}: {@code max_positions} (integer >= 1, required for a legacy class, each BUY
 * is sized 1/max_positions of equity, R19) and {@code band} (a weight class's no-trade band in [0, 1), default
 * 0); {@code exits} as for the built-in strategies. Every failure is one {@link ConfigException} naming the
 * file, the key ({@code strategy.class}, {@code strategy.params.x}) and the problem; an exception thrown by the
 * class's constructor is reported with its message.
 */
final class ClassStrategyBinder {
    /** The keys of a {@code strategy} section that names a class. */
    static final String[] SECTION_KEYS = {"class", "params", "exits", "max_positions", "band"};
    private static final String TIERS = "a class implementing io.quantlake.strategy.WeightStrategy, "
            + "SignalStrategy or LegacyStrategy";
    private static final String SHAPES = "a record, or a class with a public constructor taking Map<String, Object> "
            + "or (with no params) a public no-arg constructor";
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private ClassStrategyBinder() {
    }

    /** Binds {@code section} (the {@code strategy} mapping with a {@code class} key). */
    static StrategyBinder.Bound bind(ConfigNode section) {
        section.allowOnly(SECTION_KEYS);
        String name = section.string("class");
        Class<?> type = load(section, name);
        if (!WeightStrategy.class.isAssignableFrom(type) && !LegacyStrategy.class.isAssignableFrom(type)) {
            throw section.invalid("class", TIERS, "\"" + name + "\" (which implements none of them)");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw section.invalid("class", "a concrete class (" + TIERS + ")",
                    "\"" + name + "\" (" + (type.isInterface() ? "an interface" : "an abstract class") + ")");
        }
        Object instance = instantiate(section, name, type, section.objectOrEmpty("params"));
        if (instance instanceof WeightStrategy w) {
            StrategyBinder.absentUnless(section, "max_positions", "strategy.class is a LegacyStrategy");
            return StrategyBinder.weight(w, section, 0, false);
        }
        StrategyBinder.absentUnless(section, "band", "strategy.class is a WeightStrategy");
        if (instance instanceof SignalStrategy s) {
            StrategyBinder.absentUnless(section, "max_positions", "strategy.class is a LegacyStrategy");
            return new StrategyBinder.Bound(new ConfiguredStrategy.Signal(name, s, Set.of(Market.values())),
                    RebalanceRule.NONE);
        }
        if (!section.has("max_positions")) {
            throw section.missing("max_positions", " legacy strategy class " + name + " needs its capacity (each BUY "
                    + "is sized 1/max_positions of equity)");
        }
        int capacity = section.integer("max_positions", 1, Integer.MAX_VALUE);
        return new StrategyBinder.Bound(new ConfiguredStrategy.Legacy(name, (LegacyStrategy) instance, capacity),
                RebalanceRule.NONE);
    }

    /** The class {@code name} from the context class loader, else QuantLake's own loader, else the system loader. */
    private static Class<?> load(ConfigNode section, String name) {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(ClassStrategyBinder.class.getClassLoader());
        loaders.add(ClassLoader.getSystemClassLoader());
        String problem = "";
        for (ClassLoader loader : loaders) {
            try {
                return loader.loadClass(name);
            } catch (ClassNotFoundException e) {
                // next loader
            } catch (LinkageError e) {
                problem = " (" + e + ")";
            }
        }
        throw section.invalid("class", "a class on the classpath (a jar passed with spark-submit --jars, or "
                + "QUANTLAKE_CLASSPATH for bin/quantlake)", "\"" + name + "\"" + problem);
    }

    private static Object instantiate(ConfigNode section, String name, Class<?> type, ConfigNode params) {
        if (type.isRecord()) {
            checkTypes(section, name, type, new HashSet<>());
            return record(params, "", params.json(), type, name);
        }
        Constructor<?> map = null;
        Constructor<?> none = null;
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Map.class) {
                map = c;
            } else if (c.getParameterCount() == 0) {
                none = c;
            }
        }
        if (map != null) {
            Map<?, ?> plain = PLAIN.convertValue(params.json(), LinkedHashMap.class);
            return construct(params, "", params.json(), name, map, Collections.unmodifiableMap(plain));
        }
        if (none != null) {
            if (!params.keys().isEmpty()) {
                throw unknown(params, params.keys().get(0), name + " takes no params (it has a public no-arg "
                        + "constructor only; a record's components or a constructor taking Map<String, Object> take "
                        + "params)");
            }
            return construct(params, "", params.json(), name, none);
        }
        throw section.invalid("class", SHAPES, "\"" + name + "\" (which has none of them)");
    }

    /** Fails unless every component type (nested records too) can be bound. */
    private static void checkTypes(ConfigNode section, String name, Class<?> record, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            String problem = unsupported(c.getGenericType(), section, name, seen);
            if (problem != null) {
                throw section.invalid("class", "a record whose components are int, long, double, boolean, String, "
                        + "enums, List<T>, Map<String, T> or records", "\"" + name + "\" (component "
                        + record.getSimpleName() + "." + c.getName() + " is " + problem + ")");
            }
        }
    }

    private static String unsupported(Type t, ConfigNode section, String name, Set<Class<?>> seen) {
        Class<?> raw = raw(t);
        if (scalar(raw) || raw.isEnum() || raw == Object.class) {
            return null;
        }
        if (raw.isRecord()) {
            checkTypes(section, name, raw, seen);
            return null;
        }
        if ((raw == List.class || raw == Map.class) && t instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            if (raw == Map.class && args[0] != String.class) {
                return t.getTypeName();
            }
            return unsupported(args[args.length - 1], section, name, seen);
        }
        return t.getTypeName();
    }

    private static boolean scalar(Class<?> c) {
        return c == int.class || c == Integer.class || c == long.class || c == Long.class || c == double.class
                || c == Double.class || c == boolean.class || c == Boolean.class || c == String.class;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Void.class; // a type variable or wildcard: reported as unsupported
    }

    /**
     * The record {@code type} from the mapping {@code v} written at {@code key} (relative to {@code params}, empty
     * for {@code params} itself).
     */
    private static Object record(ConfigNode params, String key, JsonNode v, Class<?> type, String name) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> keys = new ArrayList<>(components.length);
        for (RecordComponent c : components) {
            keys.add(snakeCase(c.getName()));
        }
        if (!v.isObject()) {
            throw params.invalid(key, "a mapping of keys " + keys + " (record " + type.getSimpleName() + ")", v);
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw unknown(params, join(key, k), "accepted keys: " + String.join(", ", keys));
            }
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String k = join(key, keys.get(i));
            JsonNode value = v.get(keys.get(i));
            if (value == null || value.isNull()) {
                throw params.missing(k, " " + type.getSimpleName() + " takes " + describe(components));
            }
            args[i] = value(params, k, value, components[i].getGenericType(), name);
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return construct(params, key, v, name, type.getDeclaredConstructor(types), args);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    private static Object value(ConfigNode params, String key, JsonNode v, Type type, String name) {
        Class<?> raw = raw(type);
        if (raw == int.class || raw == Integer.class) {
            if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToInt()) {
                throw params.invalid(key, "an integer", v);
            }
            return v.asInt();
        }
        if (raw == long.class || raw == Long.class) {
            if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
                throw params.invalid(key, "an integer", v);
            }
            return v.asLong();
        }
        if (raw == double.class || raw == Double.class) {
            if (!v.isNumber()) {
                throw params.invalid(key, "a number", v);
            }
            return v.asDouble();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!v.isBoolean()) {
                throw params.invalid(key, "true or false", v);
            }
            return v.asBoolean();
        }
        if (raw == String.class) {
            if (!v.isTextual()) {
                throw params.invalid(key, "a string", v);
            }
            return v.asText();
        }
        if (raw.isEnum()) {
            List<String> codes = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                String code = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
                if (v.isTextual() && v.asText().equals(code)) {
                    return constant;
                }
                codes.add(code);
            }
            throw params.invalid(key, "one of " + String.join(", ", codes), v);
        }
        if (raw.isRecord()) {
            return record(params, key, v, raw, name);
        }
        if (raw == List.class) {
            if (!v.isArray()) {
                throw params.invalid(key, "a list", v);
            }
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>(v.size());
            for (int k = 0; k < v.size(); k++) {
                out.add(value(params, key + "[" + k + "]", v.get(k), item, name));
            }
            return Collections.unmodifiableList(out);
        }
        if (raw == Map.class) {
            if (!v.isObject()) {
                throw params.invalid(key, "a mapping of keys", v);
            }
            Type item = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), value(params, join(key, e.getKey()), e.getValue(), item, name));
            }
            return Collections.unmodifiableMap(out);
        }
        return PLAIN.convertValue(v, Object.class); // Object: the plain Java value
    }

    /** Calls {@code c}; an exception it throws is a {@link ConfigException} on the params it was given. */
    private static Object construct(ConfigNode params, String key, JsonNode given, String name, Constructor<?> c,
                                    Object... args) {
        try {
            c.trySetAccessible(); // a non-public record (e.g. package-private in the user's jar)
            return c.newInstance(args);
        } catch (InvocationTargetException | ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException("config key `" + (key.isEmpty() ? params.path() : params.keyPath(key))
                    + "` must be accepted by " + name + ", got "
                    + ConfigNode.render(given) + ": its constructor threw " + firstLine(cause) + " (" + params.origin()
                    + ")", cause);
        } catch (InstantiationException | IllegalAccessException | LinkageError e) {
            throw new ConfigException("config key `" + params.path().replaceFirst("\\.params$", ".class") + "` "
                    + name + " cannot be instantiated: " + firstLine(e) + " (" + params.origin() + ")", e);
        }
    }

    private static String firstLine(Throwable t) {
        String s = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static ConfigException unknown(ConfigNode params, String key, String hint) {
        return new ConfigException("unknown config key `" + params.keyPath(key) + "` (" + params.origin() + "); "
                + hint);
    }

    private static String describe(RecordComponent[] components) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : components) {
            out.add(snakeCase(c.getName()) + " (" + c.getGenericType().getTypeName().replace("java.lang.", "")
                    .replace("java.util.", "") + ")");
        }
        return String.join(", ", out);
    }

    private static String join(String key, String child) {
        return key.isEmpty() ? child : key + "." + child;
    }

    /** {@code entryBars} → {@code entry_bars}; a name already in snake_case is kept. */
    static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char ch = javaName.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
