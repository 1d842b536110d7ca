package io.quantlake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code <file>.CHECKSUM} published beside each archive zip: one line {@code <sha256 hex>  <file name>}
 * (as {@code sha256sum} writes it).
 */
final class ArchiveChecksum {
    static final String SUFFIX = ".CHECKSUM";

    private ArchiveChecksum() {
    }

    /** The checksum file of {@code data}, whether or not it exists. */
    static Path of(Path data) {
        return data.resolveSibling(data.getFileName() + SUFFIX);
    }

    /**
     * Verifies {@code data} against {@code checksum}: a mismatch is a {@link FileRejection}; a checksum file
     * that is malformed or names another file is an {@link IngestException}.
     */
    static void verify(Path data, Path checksum) throws IOException, FileRejection {
        String name = data.getFileName().toString();
        String text = Files.readString(checksum, StandardCharsets.UTF_8).strip();
        String[] parts = text.split("\\s+");
        if (parts.length < 1 || parts.length > 2 || !parts[0].matches("[0-9a-fA-F]{64}")) {
            throw new IngestException(checksum + ": expected '<sha256 hex>  " + name + "', got '" + text + "'");
        }
        if (parts.length == 2 && !parts[1].replaceFirst("^\\*", "").equals(name)) {
            throw new IngestException(checksum + ": names file '" + parts[1] + "', not " + name);
        }
        String expected = parts[0].toLowerCase(Locale.ROOT);
        String actual = sha256(data);
        if (!expected.equals(actual)) {
            throw new FileRejection(QuarantineReason.CHECKSUM_MISMATCH, "checksum mismatch (expected " + expected
                    + ", got " + actual + ")");
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
