package io.quantlake.notebook.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelInstallerTest {

    @Test
    void kernelJsonStartsTheKernelWithSparkOptionsAndTheClasspath(@TempDir Path dir) throws IOException {
        Path written = KernelInstaller.install(dir, "/opt/k.jar:/opt/jobs.jar", Path.of("/usr/bin/java"), "3g");
        assertEquals(dir.resolve("quantlake/kernel.json"), written);
        JsonObject json = new JsonParser().parse(Files.readString(written)).getAsJsonObject();
        List<String> argv = new ArrayList<>();
        json.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));

        assertEquals("/usr/bin/java", argv.get(0));
        assertEquals("-Xmx3g", argv.get(1));
        assertEquals(KernelSpec.sparkModuleOptions(), argv.subList(2, 2 + KernelSpec.sparkModuleOptions().size()));
        assertEquals(List.of("-Djava.awt.headless=true", "-cp", "/opt/k.jar:/opt/jobs.jar",
                "io.quantlake.notebook.kernel.KernelMain", "{connection_file}"), argv.subList(argv.size() - 5, argv.size()));
        assertEquals("QuantLake (Java 17)", json.get("display_name").getAsString());
        assertEquals("java", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertEquals("127.0.0.1", json.getAsJsonObject("env").get("SPARK_LOCAL_IP").getAsString());
    }

    @Test
    void sparkOptionsAreTheParentPomList() {
        List<String> options = KernelSpec.sparkModuleOptions();
        assertEquals("-XX:+IgnoreUnrecognizedVMOptions", options.get(0));
        assertTrue(options.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), options.toString());
        assertTrue(options.contains("-Dio.netty.tryReflectionSetAccessible=true"), options.toString());
        assertEquals(17, options.size());
    }

    @Test
    void userDirectoryFollowsJupyterDataDir() {
        assertEquals(Path.of("/data/jupyter/kernels"), KernelInstaller.userKernelsDirectory(Map.of("JUPYTER_DATA_DIR", "/data/jupyter")));
        if (!System.getProperty("os.name").toLowerCase().contains("mac")) {
            assertEquals(Path.of("/xdg/jupyter/kernels"), KernelInstaller.userKernelsDirectory(Map.of("XDG_DATA_HOME", "/xdg")));
            assertEquals(Path.of(System.getProperty("user.home"), ".local/share/jupyter/kernels"),
                    KernelInstaller.userKernelsDirectory(Map.of()));
        }
    }

    @Test
    void argumentsChooseOneDestination() {
        InstallArguments prefix = InstallArguments.parse(new String[] {"--install", "--prefix", "/p", "--classpath", "a.jar", "--memory", "2g"}, Map.of());
        assertEquals(Path.of("/p/share/jupyter/kernels"), prefix.kernelsDirectory());
        assertEquals("a.jar", prefix.projectClasspath());
        assertEquals("2g", prefix.maxHeap());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> InstallArguments.parse(new String[] {"--install", "--user", "--prefix", "/p", "--classpath", ""}, Map.of()));
        assertEquals("--prefix: give only one of --user, --prefix, --kernels-dir", both.getMessage());
        IllegalArgumentException noClasspath = assertThrows(IllegalArgumentException.class,
                () -> InstallArguments.parse(new String[] {"--install"}, Map.of()));
        assertTrue(noClasspath.getMessage().startsWith("--classpath is required"), noClasspath.getMessage());
    }

    @Test
    void kernelClasspathStartsWithTheKernelAndDropsItsDuplicate() {
        String own = KernelInstaller.ownLocation().toString();
        assertEquals(own + ":/opt/jobs.jar:/opt/spark.jar", KernelInstaller.withKernel("/opt/jobs.jar:" + own + ":/opt/spark.jar"));
        assertEquals(own, KernelInstaller.withKernel(""));
    }

    @Test
    void badHeapIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelSpec.quantLake(Path.of("/usr/bin/java"), "lots", "k.jar"));
        assertEquals("max heap must look like 4g or 2048m, got 'lots'", e.getMessage());
    }
}
