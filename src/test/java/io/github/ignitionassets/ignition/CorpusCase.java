package io.github.ignitionassets.ignition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One config of {@code src/test/resources/ignition-corpus} with the findings {@code expected.tsv} lists for it.
 *
 * @param file     the corpus file
 * @param expected "severity path kind" per finding, sorted; empty for a clean config
 */
record CorpusCase(Path file, List<String> expected) {

    static final Path DIR = Path.of("src/test/resources/ignition-corpus");

    /** Every corpus case, in file name order. */
    static Stream<CorpusCase> all() {
        Map<String, List<String>> rows = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(DIR.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 4) {
                    throw new IllegalStateException("expected.tsv: 4 columns wanted: " + line);
                }
                List<String> list = rows.computeIfAbsent(cols[0], k -> new ArrayList<>());
                if (!cols[1].equals("none")) {
                    list.add(row(cols[1], cols[2], cols[3]));
                }
            }
            List<CorpusCase> cases = new ArrayList<>();
            try (Stream<Path> files = Files.list(DIR)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".ign")).sorted().toList()) {
                    List<String> expected = rows.remove(f.getFileName().toString());
                    if (expected == null) {
                        throw new IllegalStateException("expected.tsv has no line for " + f.getFileName());
                    }
                    cases.add(new CorpusCase(f, expected.stream().sorted().toList()));
                }
            }
            if (!rows.isEmpty()) {
                throw new IllegalStateException("expected.tsv names files that do not exist: " + rows.keySet());
            }
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String row(String severity, String path, String kind) {
        return severity + " " + (path.isEmpty() ? "(root)" : path) + " " + kind;
    }

    /** Our findings in the form of {@link #expected}. */
    static List<String> actual(ValidationReport report) {
        List<String> out = new ArrayList<>();
        report.errors().forEach(f -> out.add(row("error", f.path(), f.kind().name())));
        report.warnings().forEach(f -> out.add(row("warning", f.path(), f.kind().name())));
        return out.stream().sorted().toList();
    }

    byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}
