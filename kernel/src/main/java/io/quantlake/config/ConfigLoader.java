package io.quantlake.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The one loader of YAML configuration files: reads the text, parses it into a Jackson tree
 * (duplicate keys are an error) and hands a strict {@link ConfigNode} to a binder such as
 * {@link BacktestConfig#bind}. Every failure is a {@link ConfigException} naming the file and, for
 * syntax errors, the line and column.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // `key:` with no value is null (absent), as in YAML itself, not ""
                    .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build());

    private ConfigLoader() {
    }

    /** Reads and parses {@code file}; origin in errors is {@code file <path as given>}. */
    public static ConfigDocument load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return parse(text, "file " + file);
    }

    /** Reads {@code file} and binds it, e.g. {@code ConfigLoader.load(path, BacktestConfig::bind)}. */
    public static <T> T load(Path file, Function<ConfigDocument, T> binder) {
        return binder.apply(load(file));
    }

    /** Parses YAML text; {@code origin} names it in errors (e.g. {@code file conf/mn.yaml}). */
    public static ConfigDocument parse(String text, String origin) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " line " + at.getLineNr() + " column " + at.getColumnNr();
            throw new ConfigException("config " + origin + where + ": invalid YAML: " + e.getOriginalMessage(), e);
        }
        return new ConfigDocument(origin, text, ConfigNode.root(tree, origin));
    }
}
