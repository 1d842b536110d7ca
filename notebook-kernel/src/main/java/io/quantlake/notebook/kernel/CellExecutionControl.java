package io.quantlake.notebook.kernel;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JShell's in-process execution engine for the kernel. Each snippet runs on a fresh thread
 * {@code quantlake-cell-N} whose context class loader is the {@link SnippetClassLoader}; the kernel's
 * shell thread waits for it. Unlike JShell's stock {@code LocalExecutionControl} it neither installs
 * a JVM-wide uncaught-exception handler nor waits for threads that a snippet starts (a SparkSession
 * starts dozens that never end), and it keeps each snippet's result object (JShell itself only keeps a
 * string) so that a trailing expression can be rendered as HTML or an image.
 *
 * <p>{@link #invoke(Method)} returns a key instead of the value's text; {@link #takeValue(String)}
 * exchanges the key for the object.
 */
final class CellExecutionControl extends DirectExecutionControl {
    private static final String KEY_PREFIX = "quantlake-value#";
    private static final long STOP_GRACE_MILLIS = 2_000;

    private final SnippetClassLoader loader;
    private final Map<String, CellValue> values = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile Thread running;

    CellExecutionControl(SnippetClassLoader loader) {
        super(loader);
        this.loader = loader;
    }

    /** A provider that hands JShell this very instance (JShell asks once, when it is built). */
    ExecutionControlProvider provider() {
        CellExecutionControl self = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "quantlake-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return self;
            }
        };
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        long n = counter.incrementAndGet();
        Thread cell = new Thread(() -> {
            try {
                result[0] = doit.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "quantlake-cell-" + n);
        cell.setContextClassLoader(loader);
        cell.setDaemon(true);
        running = cell;
        try {
            cell.start();
            cell.join();
        } finally {
            running = null;
        }
        if (failure[0] instanceof InvocationTargetException ite && ite.getCause() instanceof ThreadDeath) {
            throw new StoppedException();
        }
        if (failure[0] instanceof Exception e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new InvocationTargetException(failure[0]);
        }
        String key = KEY_PREFIX + n;
        values.put(key, new CellValue(result[0]));
        return key;
    }

    /** The object behind a value key from JShell's {@code SnippetEvent.value()}; empty for other text. */
    java.util.Optional<CellValue> takeValue(String key) {
        return key == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(values.remove(key));
    }

    /** Whether a snippet is running now. */
    boolean isRunning() {
        return running != null;
    }

    /** Forgets every kept result (called before each cell, so results never pile up). */
    void clearValues() {
        values.clear();
    }

    /**
     * Interrupts the running snippet; if it ignores the interrupt for {@value #STOP_GRACE_MILLIS} ms,
     * stops its thread (the only way to end a runaway loop in-process).
     */
    @Override
    @SuppressWarnings("deprecation")
    public void stop() {
        Thread cell = running;
        if (cell == null) {
            return;
        }
        cell.interrupt();
        try {
            cell.join(STOP_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cell.isAlive()) {
            cell.stop();
        }
    }
}
