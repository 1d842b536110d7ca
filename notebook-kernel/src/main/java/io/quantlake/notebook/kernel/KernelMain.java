package io.quantlake.notebook.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel process that Jupyter starts: {@code java ... io.quantlake.notebook.kernel.KernelMain
 * CONNECTION_FILE}.
 *
 * <p>Start-up order is what keeps it free of races: JShell is built and warmed up, the kernel installs
 * all its message handlers on the connection, and only then {@link JupyterConnection#connect()} binds
 * the sockets and starts the channel loops. A {@code kernel_info_request} that the client sends early
 * waits in the socket's queue until a loop with every handler reads it.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp <kernel jar:classpath> " + KernelMain.class.getName() + " CONNECTION_FILE");
            System.exit(2);
        }
        Path connectionFile = Path.of(args[0]);
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));

        long start = System.nanoTime();
        List<Path> classpath = KernelClasspath.ofThisJvm();
        CellEvaluator evaluator = CellEvaluator.start(classpath);
        QuantLakeKernel kernel = new QuantLakeKernel(evaluator);

        JupyterConnection connection = new JupyterConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        System.err.printf("quantlake kernel: ready in %d ms (%d classpath entries, connection %s)%n",
                (System.nanoTime() - start) / 1_000_000, classpath.size(), connectionFile.getFileName());

        connection.waitUntilClose();
        // threads a cell started (a SparkSession's, for one) must not keep a shut-down kernel alive
        System.exit(0);
    }
}
