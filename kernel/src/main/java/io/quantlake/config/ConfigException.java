package io.quantlake.config;

/**
 * A configuration file (or an in-memory parameter map) that cannot be bound: the message names the
 * key path, the source file, the accepted values and the value found, so the CLI can print it as its
 * one-line error.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
