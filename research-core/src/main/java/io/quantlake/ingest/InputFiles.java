package io.quantlake.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The input files of a path: the file itself, or every regular file below a directory, in path order. */
final class InputFiles {
    private static final Logger LOG = LoggerFactory.getLogger(InputFiles.class);
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9_]+");

    private InputFiles() {
    }

    /** All regular files of {@code path} (recursive), sorted; an {@link IngestException} when it does not exist. */
    static List<Path> list(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IngestException(path + ": no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * The {@code .csv} files of {@code path} (recursive); other files below a directory are skipped with a
     * warning naming them; none at all is an {@link IngestException}.
     */
    static List<Path> csvFiles(Path path) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : list(path)) {
            if (hasExtension(p, ".csv")) {
                out.add(p);
            } else {
                LOG.warn("{}: skipped, not a .csv file", p);
            }
        }
        if (out.isEmpty()) {
            throw new IngestException(path + ": no .csv file found");
        }
        return out;
    }

    /** The symbol a plain CSV is named after: {@code BTCUSDT.csv} gives {@code BTCUSDT}. */
    static String symbolOf(Path csv) {
        String name = csv.getFileName().toString();
        String symbol = name.substring(0, name.length() - ".csv".length());
        if (!SYMBOL.matcher(symbol).matches()) {
            String hint = ArchiveFile.isArchiveName(name) ? "; this looks like a Binance archive file, read it as an archive" : "";
            throw new IngestException(csv + ": the file name must be the symbol in capitals, e.g. BTCUSDT.csv, got '"
                    + name + "'" + hint);
        }
        return symbol;
    }

    static boolean hasExtension(Path p, String extension) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension);
    }
}
