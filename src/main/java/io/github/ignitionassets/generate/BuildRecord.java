package io.github.ignitionassets.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last successful generation was made from and what it wrote, so that a build whose inputs have not changed
 * can leave the outputs alone without rendering, modelling and validating them again, as compilers skip sources that
 * are up to date. The inputs are every request value, the bytes of every file the request names (spec, unit, base
 * config, extra files, units and drop-ins), the generator (plugin version and jar) and the Java runtime (whose zlib
 * makes the gzip bytes); the outputs are checked by their SHA-256, so an output deleted or edited by hand is made
 * again. The log lines of that generation are kept too, so an unchanged build reports the same figures.
 *
 * <p>Stored as a small text file: {@code inputs <sha256>}, then {@code output <sha256> <path>} and {@code log
 * <level> <text>} lines.
 */
public final class BuildRecord {

    /** The record's file name in its directory. */
    public static final String FILE_NAME = "last-build.txt";

    private static final String HEADER = "ignition-assets build record 1";

    /** A log line to repeat: its level ({@code info} or {@code warn}) and text. */
    public record LogLine(String level, String text) {
    }

    private final String inputs;
    private final Map<Path, String> outputs;
    private final List<LogLine> log;

    private BuildRecord(String inputs, Map<Path, String> outputs, List<LogLine> log) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.log = log;
    }

    /**
     * The digest of everything the outputs are made from.
     *
     * @param generator what made the outputs (plugin version and jar), so that a new plugin makes them again
     */
    public static String inputs(GenerateRequest request, String generator) throws IOException {
        MessageDigest d = sha256();
        update(d, HEADER);
        update(d, generator);
        update(d, System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        update(d, request.toString());
        List<Path> files = new ArrayList<>();
        files.add(request.specFile());
        files.add(request.unitFile());
        files.add(request.config().baseConfig());
        request.config().files().forEach(f -> files.add(f.source()));
        request.config().units().forEach(u -> files.add(u.file()));
        request.config().dropins().forEach(u -> files.add(u.file()));
        for (Path f : files) {
            if (f == null) {
                update(d, "none");
                continue;
            }
            Path file = request.baseDirectory().resolve(f);
            update(d, file.toString());
            try {
                byte[] bytes = Files.readAllBytes(file);
                update(d, "bytes " + bytes.length);
                d.update(bytes);
            } catch (NoSuchFileException e) {
                update(d, "absent");
            } catch (IOException e) {
                update(d, "unreadable"); // generation will say why; it cannot be up to date
                update(d, Long.toString(System.nanoTime()));
            }
        }
        return hex(d.digest());
    }

    /** A record of a generation that wrote {@code outputs} (path and bytes) and logged {@code log}. */
    public static BuildRecord of(String inputs, Map<Path, byte[]> outputs, List<LogLine> log) {
        Map<Path, String> digests = new LinkedHashMap<>();
        outputs.forEach((path, bytes) -> digests.put(path.toAbsolutePath().normalize(), hex(sha256().digest(bytes))));
        return new BuildRecord(inputs, digests, List.copyOf(log));
    }

    /**
     * The log of the last generation, when it was made from these inputs and every output it wrote still has its
     * bytes; empty when the outputs must be made again (no record, other inputs, an output changed or gone).
     */
    public static Optional<List<LogLine>> unchanged(Path directory, String inputs) {
        BuildRecord last;
        try {
            last = read(directory.resolve(FILE_NAME));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no record, or one we cannot read: generate
        }
        if (last == null || !last.inputs.equals(inputs) || last.outputs.isEmpty()) {
            return Optional.empty();
        }
        for (var e : last.outputs.entrySet()) {
            try {
                if (!hex(sha256().digest(Files.readAllBytes(e.getKey()))).equals(e.getValue())) {
                    return Optional.empty();
                }
            } catch (IOException ex) {
                return Optional.empty();
            }
        }
        return Optional.of(last.log);
    }

    /** Writes the record into {@code directory} (written last, after the outputs, so it never vouches for less). */
    public void write(Path directory) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append("inputs ").append(inputs).append('\n');
        outputs.forEach((path, digest) -> b.append("output ").append(digest).append(' ').append(escape(path.toString())).append('\n'));
        for (LogLine l : log) {
            b.append("log ").append(l.level()).append(' ').append(escape(l.text())).append('\n');
        }
        OutputFiles.write(directory, Map.of(FILE_NAME, b.toString().getBytes(StandardCharsets.UTF_8)), java.util.Set.of());
    }

    /** Removes the record, so that nothing is taken as up to date (after a failed generation, for one). */
    public static void forget(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve(FILE_NAME));
    }

    private static BuildRecord read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return null;
        }
        String inputs = null;
        Map<Path, String> outputs = new LinkedHashMap<>();
        List<LogLine> log = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ", 3);
            switch (parts[0]) {
                case "inputs" -> inputs = parts[1];
                case "output" -> outputs.put(Path.of(unescape(parts[2])), parts[1]);
                case "log" -> log.add(new LogLine(parts[1], unescape(parts[2])));
                default -> {
                    return null;
                }
            }
        }
        return inputs == null ? null : new BuildRecord(inputs, outputs, log);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void update(MessageDigest d, String s) {
        d.update(s.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        char[] digits = "0123456789abcdef".toCharArray();
        StringBuilder b = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            b.append(digits[x >> 4 & 0xf]).append(digits[x & 0xf]);
        }
        return b.toString();
    }
}
