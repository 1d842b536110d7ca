package io.quantlake.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Test-side reading of the generated archive with plain Java (no production parser involved). */
final class ArchiveFiles {
    private ArchiveFiles() {
    }

    /** One zip's single entry: its name and its text. Fails when the zip holds anything else. */
    record Entry(String name, String text) {
        List<String> lines() {
            return List.of(text.split("\n"));
        }
    }

    static Entry readZip(Path zip) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e = in.getNextEntry();
            if (e == null) {
                throw new AssertionError(zip + ": empty zip");
            }
            String text = new String(readAll(in), StandardCharsets.UTF_8);
            if (in.getNextEntry() != null) {
                throw new AssertionError(zip + ": more than one entry");
            }
            return new Entry(e.getName(), text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** All regular files under {@code root}, sorted, as paths relative to it. */
    static List<Path> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All zip files under {@code root}, sorted. */
    static List<Path> zips(Path root) {
        List<Path> out = new ArrayList<>();
        for (Path p : files(root)) {
            if (p.toString().endsWith(".zip")) {
                out.add(root.resolve(p));
            }
        }
        return out;
    }

    /** Kline rows (split on commas, header dropped) of every monthly file of one symbol and interval, by open time. */
    static TreeMap<Long, String[]> klines(Path root, String marketDir, String symbol, String interval) {
        TreeMap<Long, String[]> rows = new TreeMap<>();
        Path dir = root.resolve(marketDir).resolve("monthly/klines").resolve(symbol).resolve(interval);
        if (!Files.isDirectory(dir)) {
            return rows;
        }
        for (Path zip : zips(dir)) {
            for (String line : readZip(zip).lines()) {
                if (line.startsWith("open_time")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                rows.put(Long.parseLong(f[0]), f);
            }
        }
        return rows;
    }

    /** Close prices by open time, from {@link #klines}. */
    static TreeMap<Long, Double> closes(Path root, String symbol) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (Map.Entry<Long, String[]> e : klines(root, "spot", symbol, "1d").entrySet()) {
            out.put(e.getKey(), Double.parseDouble(e.getValue()[4]));
        }
        return out;
    }
}
