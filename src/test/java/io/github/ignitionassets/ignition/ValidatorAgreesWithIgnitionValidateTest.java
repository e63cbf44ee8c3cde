package io.github.ignitionassets.ignition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus config through the real {@code ignition-validate} (Debian package {@code ignition}, 2.14): same
 * verdict (ok, warnings only, errors) as ours, and every path it names is one we name with the same severity, line
 * and column.
 */
@Tag("real-tools")
class ValidatorAgreesWithIgnitionValidateTest {

    private static final Path TOOL = Path.of("/usr/bin/ignition-validate");
    /** {@code error at $.storage.files.0.path, line 3 col 11: path not absolute}. */
    private static final Pattern LINE = Pattern.compile("^(error|warning) at \\$\\.?([^,]*), line (\\d+) col (\\d+):",
            Pattern.MULTILINE);

    enum Verdict { OK, WARNINGS, ERRORS }

    @BeforeAll
    static void toolIsThere() {
        boolean present = Files.isExecutable(TOOL);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(TOOL + " is missing: install the Debian package 'ignition' (CI=true, not skipping)");
        }
        Assumptions.assumeTrue(present, TOOL + " is missing: install the Debian package 'ignition' to run this test");
    }

    static Stream<CorpusCase> corpus() {
        return CorpusCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void sameVerdictAndPaths(CorpusCase c) throws IOException, InterruptedException {
        assertAgree(c.file(), c.bytes());
    }

    /**
     * Seeded random configs built from the pieces that trip parsers (unit file syntax around go-systemd's 2048-byte
     * buffer check, URL and data URL syntax, unclean paths), beyond the hand-written corpus.
     */
    @Test
    void sameVerdictAndPathsOnRandomConfigs(@TempDir Path dir) throws IOException, InterruptedException {
        String[] unitBits = {"[Unit]", "[Install]", "[Service", "]", "A=b", "A", "=", "#c", ";c", "\\", "\\\r\n",
            " \\\n", " ", "\t", "\n", "\n", "\r\n", "x".repeat(700), "y".repeat(1500), "B=" + "z".repeat(2100),
            "[Service] g", "\u00e9", "W=" + "q".repeat(1000) + "\\\n"};
        String[] schemes = {"http://", "https://", "s3://", "gs://", "tftp://", "data:", "data:,", "data:;base64,",
            "data:text/plain,", "ftp://", "", "a:", ":"};
        String[] urlBits = {"a", "b.c", "/", "%41", "%zz", "%", "?", "#", "versionId=", ":80", "[::1]", "[", "@", " ",
            "\u00e9", "{", "YQ==", ";", ";base64", ",", "\t"};
        String[] paths = {"/", "/a", "a", "//a", "/a/", "/./a", "/a/..", "", "/a b"};
        String[] versions = {"3.0.0", "3.1.0", "3.2.0", "3.3.0"};
        Random random = new Random(20261125);
        for (int n = 0; n < 80; n++) {
            StringBuilder unit = new StringBuilder();
            for (int k = random.nextInt(25); k >= 0; k--) {
                unit.append(unitBits[random.nextInt(unitBits.length)]);
            }
            StringBuilder url = new StringBuilder(schemes[random.nextInt(schemes.length)]);
            for (int k = random.nextInt(6); k > 0; k--) {
                url.append(urlBits[random.nextInt(urlBits.length)]);
            }
            ObjectNode config = JsonNodeFactory.instance.objectNode();
            config.putObject("ignition").put("version", versions[random.nextInt(versions.length)]);
            ObjectNode file = config.putObject("storage").putArray("files").addObject();
            file.put("path", paths[random.nextInt(paths.length)]);
            file.putObject("contents").put("source", url.toString());
            config.putObject("systemd").putArray("units").addObject()
                    .put("name", "a.service").put("enabled", true).put("contents", unit.toString());
            byte[] json = config.toString().getBytes(StandardCharsets.UTF_8);
            Path path = dir.resolve("random-" + n + ".ign");
            Files.write(path, json);
            assertAgree(path, json);
        }
    }

    private static void assertAgree(Path file, byte[] bytes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(TOOL.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ignition-validate hung");
        Verdict theirs = p.exitValue() != 0 ? Verdict.ERRORS
                : output.lines().anyMatch(l -> l.startsWith("warning")) ? Verdict.WARNINGS : Verdict.OK;

        ValidationReport report = ConfigValidator.validate(bytes);
        Verdict ours = !report.errors().isEmpty() ? Verdict.ERRORS
                : !report.warnings().isEmpty() ? Verdict.WARNINGS : Verdict.OK;
        assertEquals(theirs, ours, () -> file + ": ignition-validate said:\n" + output + "we said: " + report);

        TreeSet<String> named = new TreeSet<>();
        Matcher m = LINE.matcher(output);
        while (m.find()) {
            named.add(String.format("%s %s line %s col %s", m.group(1), toOurPath(m.group(2)), m.group(3), m.group(4)));
        }
        TreeSet<String> ourPaths = new TreeSet<>();
        report.errors().forEach(f -> ourPaths.add(String.format("error %s line %d col %d", f.path(), f.line(), f.column())));
        report.warnings().forEach(f -> ourPaths.add(String.format("warning %s line %d col %d", f.path(), f.line(), f.column())));
        TreeSet<String> missing = new TreeSet<>(named);
        missing.removeAll(ourPaths);
        assertEquals(List.of(), List.copyOf(missing), () -> file + ": ignition-validate said:\n" + output + "we said: " + report);
    }

    /** {@code storage.files.0.path} (after {@code $.}) as {@code storage.files[0].path}. */
    static String toOurPath(String theirs) {
        return theirs.replaceAll("\\.([0-9]+)(?=\\.|$)", "[$1]");
    }
}
