package io.github.ignitionassets.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the last successful generation was made from and what it wrote, so that a build whose inputs have not changed
 * leaves the outputs alone without rendering, modelling and validating them again, as compilers skip sources that are
 * up to date.
 *
 * <p>The inputs are one SHA-256 digest of everything the outputs are made from: the record's format, the plugin build
 * and Java runtime (whose zlib makes the gzip bytes), every request value and the bytes of every file the request
 * names. The outputs are each written file's digest, so one edited or deleted by hand is made again. The log lines of
 * that generation are kept, so an unchanged build reports the same figures.
 *
 * @param format  the record's format version; a record of another format is ignored
 * @param inputs  the digest of the inputs, hex
 * @param outputs each written file's absolute path and the digest of its bytes, hex
 * @param log     what the generation logged
 */
public record BuildRecord(int format, String inputs, Map<String, String> outputs, List<LogLine> log) {

    /** The record's file name in its directory. */
    public static final String FILE_NAME = "last-build.json";

    static final int FORMAT = 3;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A log line to repeat. */
    public record LogLine(Level level, String text) {

        public LogLine {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The levels a generation logs its results at. */
    public enum Level { INFO, WARN }

    public BuildRecord {
        outputs = Map.copyOf(outputs);
        log = List.copyOf(log);
    }

    /**
     * The digest of everything the outputs are made from.
     *
     * @param generator what made the outputs (the plugin build), so that another plugin makes them again
     * @throws IOException when a file the request names cannot be read (generating will say why)
     */
    public static String fingerprint(GenerateRequest request, String generator) throws IOException {
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            text(out, "format " + FORMAT);
            text(out, generator);
            text(out, System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
            text(out, request.toString());
            for (Path named : namedFiles(request)) {
                Path file = request.baseDirectory().resolve(named);
                text(out, file.toString());
                if (Files.isRegularFile(file)) {
                    text(out, "bytes " + Files.size(file));
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                } else {
                    text(out, "no file"); // generating will say so
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The files a request names: spec (or the defaults looked for), unit, base config, and each extra file, unit and drop-in. */
    static List<Path> namedFiles(GenerateRequest request) {
        ConfigOptions c = request.config();
        Stream<Path> specs = request.specFile() != null ? Stream.of(request.specFile())
                : GenerateRequest.DEFAULT_SPEC_FILES.stream().map(Path::of);
        return Stream.of(specs, Stream.of(request.unitFile(), c.baseConfig()),
                        c.files().stream().map(ConfigOptions.ExtraFile::source),
                        c.units().stream().map(ConfigOptions.ExtraUnit::file),
                        c.dropins().stream().map(ConfigOptions.ExtraDropin::file))
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .toList();
    }

    /** A record of a generation from {@code inputs} that wrote {@code outputs} and logged {@code log}. */
    public static BuildRecord of(String inputs, Map<Path, byte[]> outputs, List<LogLine> log) {
        Map<String, String> written = new LinkedHashMap<>();
        outputs.forEach((path, bytes) -> written.put(path.toAbsolutePath().normalize().toString(), digest(bytes)));
        return new BuildRecord(FORMAT, inputs, written, log);
    }

    /**
     * The log of the last generation, when it was made from these inputs and every output it wrote still has its
     * bytes; empty when the outputs must be made again (no record, other inputs, an output changed or gone).
     */
    public static Optional<List<LogLine>> unchanged(Path directory, String inputs) {
        BuildRecord last;
        try {
            last = JSON.readValue(directory.resolve(FILE_NAME).toFile(), BuildRecord.class);
        } catch (IOException e) {
            return Optional.empty(); // no record, or one we cannot read: generate
        }
        if (last.format() != FORMAT || !last.inputs().equals(inputs) || last.outputs().isEmpty()) {
            return Optional.empty();
        }
        boolean intact = last.outputs().entrySet().stream()
                .allMatch(e -> digestOf(Path.of(e.getKey())).filter(e.getValue()::equals).isPresent());
        return intact ? Optional.of(last.log()) : Optional.empty();
    }

    /** Writes the record into {@code directory} (after the outputs, so that it never vouches for more than is there). */
    public void write(Path directory) throws IOException {
        byte[] bytes = (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
        OutputFiles.write(Map.of(directory.resolve(FILE_NAME), bytes), List.of());
    }

    private static Optional<String> digestOf(Path file) {
        try {
            return Optional.of(digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** One value of the digest, ended by a NUL so that no two sequences of values give the same bytes. */
    private static void text(OutputStream out, String value) throws IOException {
        out.write(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }
}
