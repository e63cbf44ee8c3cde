package io.github.ignitionassets.generate;

import io.github.ignitionassets.core.FileBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last successful generation was made from and what it wrote, so that a build whose inputs have not changed
 * can leave the outputs alone without rendering, modelling and validating them again, as compilers skip sources that
 * are up to date. The inputs are every request value, the bytes of every file the request names (spec, unit, base
 * config, extra files, units and drop-ins), the generator (plugin jar) and the Java runtime (whose zlib makes the gzip
 * bytes); an output deleted or edited by hand is made again. The log lines of that generation are kept too, so an
 * unchanged build reports the same figures.
 *
 * <p>Inputs and outputs are kept whole and compared byte for byte: no hash can collide, and a first SHA-256 in a
 * build's fresh JVM (provider set-up, then interpreted rounds) costs more than the whole comparison, about 50 ms. A
 * record is a few tens of KiB: {@code inputs N}, {@code output N path} (each followed by its N bytes) and
 * {@code log level text} lines.
 */
public final class BuildRecord {

    /** The record's file name in its directory. */
    public static final String FILE_NAME = "last-build.bin";

    private static final String HEADER = "ignition-assets build record 2";

    /** A log line to repeat: its level ({@code info} or {@code warn}) and text. */
    public record LogLine(String level, String text) {
    }

    private final byte[] inputs;
    private final Map<Path, byte[]> outputs;
    private final List<LogLine> log;

    private BuildRecord(byte[] inputs, Map<Path, byte[]> outputs, List<LogLine> log) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.log = log;
    }

    /**
     * Everything the outputs are made from, as bytes to compare.
     *
     * @param generator what made the outputs (plugin jar), so that a new plugin makes them again
     */
    public static byte[] inputs(GenerateRequest request, String generator) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(4096);
        text(b, HEADER);
        text(b, generator);
        text(b, System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        // Each value by hand, not the records' toString: its first call bootstraps method handles, about 80 ms in a
        // build's fresh JVM. BuildRecordTest checks that every record component is here.
        ConfigOptions c = request.config();
        text(b, "request", request.baseDirectory(), request.image(), request.specFile(), request.specFileRequired(),
                request.unitName(), request.scriptPath(), request.unitFile(), request.execStart(), request.timeoutStartSec(),
                request.ignitionVersion(), request.outputDirectory(), request.configName(), request.stateDirectory(),
                request.maxAttemptsPerHour(), c.baseConfig(), c.maxConfigBytes(), c.pretty());
        // Each value its own field (NUL-separated), so that no two different requests give the same bytes.
        for (var e : request.backoff().entrySet()) {
            text(b, "backoff", e.getKey(), e.getValue());
        }
        // The files named, null where none is (ArrayList takes null; List.of would not).
        List<Path> files = new ArrayList<>(Arrays.asList(request.specFile(), request.unitFile(), c.baseConfig()));
        for (var f : c.files()) {
            text(b, "file", f.path(), f.mode(), f.source());
            files.add(f.source());
        }
        for (var u : c.units()) {
            text(b, "unit", u.name(), u.file(), u.enabled());
            files.add(u.file());
        }
        for (var d : c.dropins()) {
            text(b, "dropin", d.unit(), d.name(), d.file());
            files.add(d.file());
        }
        for (Path f : files) {
            if (f == null) {
                text(b, "none");
                continue;
            }
            Path file = request.baseDirectory().resolve(f);
            text(b, file.toString());
            try {
                byte[] bytes = FileBytes.read(file);
                text(b, "bytes " + bytes.length);
                b.write(bytes);
            } catch (NoSuchFileException e) {
                text(b, "absent");
            } catch (IOException e) {
                // Generation will say why; until then it cannot be up to date.
                text(b, "unreadable " + System.nanoTime());
            }
        }
        return b.toByteArray();
    }

    /** A record of a generation from {@code inputs} that wrote {@code outputs} (path and bytes) and logged {@code log}. */
    public static BuildRecord of(byte[] inputs, Map<Path, byte[]> outputs, List<LogLine> log) {
        Map<Path, byte[]> written = new LinkedHashMap<>();
        // A loop, not forEach(lambda): the lambda's class is spun on first use, in every build's fresh JVM.
        for (Map.Entry<Path, byte[]> output : outputs.entrySet()) {
            written.put(output.getKey().toAbsolutePath().normalize(), output.getValue());
        }
        return new BuildRecord(inputs, written, List.copyOf(log));
    }

    /**
     * The log of the last generation, when it was made from these inputs and every output it wrote still has its
     * bytes; empty when the outputs must be made again (no record, other inputs, an output changed or gone).
     */
    public static Optional<List<LogLine>> unchanged(Path directory, byte[] inputs) {
        BuildRecord last;
        try {
            last = read(FileBytes.read(directory.resolve(FILE_NAME)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no record, or one we cannot read: generate
        }
        if (last == null || !Arrays.equals(last.inputs, inputs) || last.outputs.isEmpty()) {
            return Optional.empty();
        }
        for (var e : last.outputs.entrySet()) {
            try {
                if (Files.size(e.getKey()) != e.getValue().length || !Arrays.equals(FileBytes.read(e.getKey()), e.getValue())) {
                    return Optional.empty();
                }
            } catch (IOException ex) {
                return Optional.empty();
            }
        }
        return Optional.of(last.log);
    }

    /** Writes the record into {@code directory} (after the outputs, so that it never vouches for more than is there). */
    public void write(Path directory) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(inputs.length + 16384);
        line(b, HEADER);
        line(b, "inputs " + inputs.length);
        b.write(inputs);
        b.write('\n');
        for (var e : outputs.entrySet()) {
            line(b, "output " + e.getValue().length + " " + escape(e.getKey().toString()));
            b.write(e.getValue());
            b.write('\n');
        }
        for (LogLine l : log) {
            line(b, "log " + l.level() + " " + escape(l.text()));
        }
        OutputFiles.write(directory, Map.of(FILE_NAME, b.toByteArray()), java.util.Set.of());
    }

    private static BuildRecord read(byte[] bytes) {
        int[] at = {0};
        if (!HEADER.equals(nextLine(bytes, at))) {
            return null;
        }
        byte[] inputs = null;
        Map<Path, byte[]> outputs = new LinkedHashMap<>();
        List<LogLine> log = new ArrayList<>();
        while (at[0] < bytes.length) {
            String[] parts = nextLine(bytes, at).split(" ", 3);
            switch (parts[0]) {
                case "inputs" -> inputs = block(bytes, at, Integer.parseInt(parts[1]));
                case "output" -> outputs.put(Path.of(unescape(parts[2])), block(bytes, at, Integer.parseInt(parts[1])));
                case "log" -> log.add(new LogLine(parts[1], unescape(parts[2])));
                default -> {
                    return null;
                }
            }
        }
        return inputs == null ? null : new BuildRecord(inputs, outputs, log);
    }

    private static String nextLine(byte[] bytes, int[] at) {
        int start = at[0];
        int end = start;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        at[0] = end + 1;
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    private static byte[] block(byte[] bytes, int[] at, int length) {
        byte[] out = Arrays.copyOfRange(bytes, at[0], at[0] + length);
        at[0] += length + 1;
        return out;
    }

    private static void line(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        b.write('\n');
    }

    private static void text(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        b.write(0);
    }

    private static void text(ByteArrayOutputStream b, String kind, Object... values) {
        text(b, kind);
        for (Object v : values) {
            text(b, v == null ? "\0null" : v.toString()); // null apart from the text "null"
        }
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
}
