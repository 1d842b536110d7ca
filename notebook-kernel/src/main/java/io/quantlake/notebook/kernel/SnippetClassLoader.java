package io.quantlake.notebook.kernel;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of the notebook's snippets: JShell's compiled wrapper classes by name, then the
 * jars added by {@code %jars}, with the kernel's own class loader (the JVM class path: kernel jar and
 * project classpath) as parent. It is also the context class loader of every cell thread, so that
 * Spark's code generation and deserialization find classes and records declared in cells.
 *
 * <p>A class declared in a cell is compiled as a member of a JShell wrapper ({@code REPL.$JShell$12$MyStrategy}); a
 * name without a package ({@code MyStrategy}) that nothing else defines loads the latest cell declaration of that
 * name, so a config written in a notebook can say {@code strategy: {class: MyStrategy}} (the config binder loads
 * strategy classes through the context class loader).
 *
 * <p>Snippet class files are served as resources too ({@code REPL/$JShell$12.class}) for libraries
 * that read a class's bytecode, as Spark's closure cleaner does.
 */
final class SnippetClassLoader extends URLClassLoader implements LoaderDelegate {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> snippetClasses = new ConcurrentHashMap<>();
    /** Simple name of a class declared in a cell → binary name of its latest declaration (JShell's order of loads). */
    private final Map<String, String> declarations = new ConcurrentHashMap<>();

    SnippetClassLoader(ClassLoader parent) {
        super("quantlake-cells", new URL[0], parent);
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (ClassBytecodes c : classes) {
            snippetClasses.put(c.name(), c.bytecodes());
            declared(c.name());
        }
        for (int i = 0; i < classes.length; i++) {
            try {
                loadClass(classes[i].name());
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("loading snippet class " + classes[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            snippetClasses.put(c.name(), c.bytecodes());
        }
    }

    /**
     * The class {@code name}; a name without a package that no parent defines is the latest cell declaration of that
     * simple name (see the class comment).
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            String declared = name.indexOf('.') < 0 ? latestDeclaration(name) : null;
            if (declared == null) {
                throw e;
            }
            return super.loadClass(declared, resolve);
        }
    }

    /** The binary name of the latest cell declaration of {@code simpleName} ({@code REPL.$JShell$18B$X}), or null. */
    private String latestDeclaration(String simpleName) {
        return declarations.get(simpleName);
    }

    /** Records {@code binaryName} as the latest declaration of its simple name when it is a cell's top-level class. */
    private void declared(String binaryName) {
        String prefix = "REPL.$JShell$";
        int wrapperEnd = binaryName.startsWith(prefix) ? binaryName.indexOf('$', prefix.length()) : -1;
        if (wrapperEnd > 0 && binaryName.indexOf('$', wrapperEnd + 1) < 0 && wrapperEnd + 1 < binaryName.length()) {
            declarations.put(binaryName.substring(wrapperEnd + 1), binaryName);
        }
    }

    /** Adds each entry of a {@link File#pathSeparator}-separated path (jar or class directory). */
    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                addURL(Path.of(entry).toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InternalException("classpath entry '" + entry + "' is not a valid path: " + e.getMessage());
            }
        }
    }

    /**
     * Both {@link ClassLoader#findClass} and {@link LoaderDelegate#findClass} (JShell calls it to look
     * up the wrapper class of each snippet it runs): a class already defined is returned, not defined
     * a second time.
     */
    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = snippetClasses.get(name);
        if (bytes != null) {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
            }
        }
        return super.findClass(name);
    }

    @Override
    public URL findResource(String name) {
        if (name.endsWith(".class")) {
            byte[] bytes = snippetClasses.get(name.substring(0, name.length() - 6).replace('/', '.'));
            if (bytes != null) {
                return bytesUrl(name, bytes);
            }
        }
        return super.findResource(name);
    }

    private static URL bytesUrl(String name, byte[] bytes) {
        try {
            return new URL("quantlake-cell", null, -1, "/" + name, new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL url) {
                    return new URLConnection(url) {
                        @Override
                        public void connect() {
                            connected = true;
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(bytes);
                        }
                    };
                }
            });
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot make a URL for snippet class " + name, e);
        }
    }
}
