package io.quantlake.ingest;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Valid rows of one batch by key. Rows repeating an earlier row exactly (record equality; NaN equals NaN)
 * collapse into one. A key seen with different values is a conflict: every row of that key is quarantined
 * ({@link QuarantineReason#CONFLICTING_DUPLICATE}) and none is kept, since the batch cannot tell which is right.
 *
 * @param <T> a record type (differences are named by record component)
 */
final class KeyedRows<T extends Record> {
    private record Seen<T>(T value, String source, long line, String raw) {
    }

    private static final class Group<T> {
        final List<Seen<T>> rows = new ArrayList<>(1);
        boolean conflict;
    }

    private final Function<T, Object> key;
    private final Map<Object, Group<T>> groups = new HashMap<>();

    KeyedRows(Function<T, Object> key) {
        this.key = key;
    }

    void add(T value, String source, long line, String raw) {
        Group<T> g = groups.computeIfAbsent(key.apply(value), k -> new Group<>());
        if (!g.rows.isEmpty() && !g.rows.get(0).value().equals(value)) {
            g.conflict = true;
        }
        g.rows.add(new Seen<>(value, source, line, raw));
    }

    /** Adds every row of {@code other}, as if each had been added here in the order it was added there. */
    void addAll(KeyedRows<T> other) {
        for (Group<T> g : other.groups.values()) {
            for (Seen<T> s : g.rows) {
                add(s.value(), s.source(), s.line(), s.raw());
            }
        }
    }

    /** One value per key without conflict, sorted by {@code order}. */
    List<T> accepted(Comparator<T> order) {
        List<T> out = new ArrayList<>(groups.size());
        for (Group<T> g : groups.values()) {
            if (!g.conflict) {
                out.add(g.rows.get(0).value());
            }
        }
        out.sort(order);
        return out;
    }

    /** Every row of every conflicting key, in the order of {@code order} then source and line. */
    List<QuarantineRow> conflicts(Comparator<T> order) {
        List<Group<T>> bad = new ArrayList<>();
        for (Group<T> g : groups.values()) {
            if (g.conflict) {
                bad.add(g);
            }
        }
        bad.sort(Comparator.comparing(g -> g.rows.get(0).value(), order));
        List<QuarantineRow> out = new ArrayList<>();
        for (Group<T> g : bad) {
            Seen<T> first = g.rows.get(0);
            for (Seen<T> s : g.rows) {
                Seen<T> other = s.value().equals(first.value()) ? firstDifferent(g, first.value()) : first;
                out.add(new QuarantineRow(s.source(), s.line(), s.raw(), QuarantineReason.CONFLICTING_DUPLICATE,
                        "same key " + key.apply(s.value()) + " as " + other.source() + " line " + other.line()
                                + " with different values: " + diff(s.value(), other.value())));
            }
        }
        return out;
    }

    private Seen<T> firstDifferent(Group<T> g, T value) {
        for (Seen<T> s : g.rows) {
            if (!s.value().equals(value)) {
                return s;
            }
        }
        throw new IllegalStateException("conflict group without a differing row");
    }

    /** {@code "close 44179.55 vs 44179.56, volume 1.0 vs 2.0"}: the components that differ. */
    private static String diff(Record a, Record b) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            Object x = component(c, a);
            Object y = component(c, b);
            if (!Objects.equals(x, y)) {
                parts.add(c.getName() + " " + show(x) + " vs " + show(y));
            }
        }
        return String.join(", ", parts);
    }

    private static Object component(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r, e);
        }
    }

    private static String show(Object x) {
        return x instanceof Double d ? Violation.num(d) : String.valueOf(x);
    }
}
