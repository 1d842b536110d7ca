package io.quantlake.config;

import java.util.Objects;

/**
 * One loaded configuration document: the exact text (kept for the {@code runs} table's
 * {@code config} column) and its strict root mapping.
 *
 * @param origin where it came from, e.g. {@code file conf/mn.yaml}; printed in every error
 * @param text   the raw YAML text as read
 * @param root   the root mapping
 */
public record ConfigDocument(String origin, String text, ConfigNode root) {
    public ConfigDocument {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(root, "root");
    }
}
