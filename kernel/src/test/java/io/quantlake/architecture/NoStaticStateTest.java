package io.quantlake.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No global mutable state in the kernel (issue 12): no class of the kernel's main classes has a
 * static field that is not final, or a static final collection or map (other than an unmodifiable one),
 * reference or atomic holder —
 * the shapes a cache shared between panels (and so between sweeps in one JVM) would take. Values
 * derived from a panel live in that panel's {@link io.quantlake.panel.DerivedValues}.
 */
class NoStaticStateTest {
    @Test
    void kernelClassesHoldNoStaticMutableState() throws Exception {
        Path root = Path.of(io.quantlake.panel.Panel.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<String> found = new ArrayList<>();
        List<String> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '.'))
                    .map(s -> s.substring(0, s.length() - ".class".length()))
                    .filter(s -> !s.endsWith("package-info"))
                    .toList();
        }
        for (String name : classes) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) || f.isSynthetic() || f.isEnumConstant()) {
                    continue;
                }
                Class<?> t = f.getType();
                boolean holder = Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)
                        || Reference.class.isAssignableFrom(t) || t.getName().startsWith("java.util.concurrent.atomic.");
                if (holder && Modifier.isFinal(m)) {
                    f.setAccessible(true);
                    Object v = f.get(null);
                    holder = v != null && !v.getClass().getName().startsWith("java.util.ImmutableCollections")
                            && !v.getClass().getName().startsWith("java.util.Collections$Unmodifiable");
                }
                if (!Modifier.isFinal(m) || holder) {
                    found.add(name + "." + f.getName() + " (" + t.getSimpleName() + ")");
                }
            }
        }
        assertEquals(List.of(), found, "static mutable state in " + classes.size() + " kernel classes");
    }
}
