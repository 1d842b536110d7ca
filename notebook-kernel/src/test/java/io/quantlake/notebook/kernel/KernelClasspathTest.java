package io.quantlake.notebook.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KernelClasspathTest {

    @Test
    void jvmClasspathThenPropertyThenEnvironmentWithoutDuplicates(@TempDir Path dir) throws IOException {
        Path kernel = Files.createFile(dir.resolve("kernel.jar"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path b = Files.createFile(lib.resolve("b.jar"));
        Path a = Files.createFile(lib.resolve("a.jar"));
        String sep = File.pathSeparator;
        List<Path> resolved = KernelClasspath.resolve(kernel + sep + dir.resolve("gone.jar"), classes + sep + kernel, lib + "/*");
        assertEquals(List.of(kernel, classes, a, b), resolved, "a missing JVM entry is skipped as the JVM does");
    }

    @Test
    void missingPreloadEntryStopsTheKernelWithItsName(@TempDir Path dir) {
        Path gone = dir.resolve("gone.jar");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelClasspath.resolve("", "", gone.toString()));
        assertEquals("QUANTLAKE_KERNEL_CLASSPATH entry '" + gone + "' does not exist (" + gone + ")", e.getMessage());
    }
}
