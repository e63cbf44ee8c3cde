package io.github.ignitionassets.ignition;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * One config through the real {@code ignition-validate} (Debian package {@code ignition}, 2.14) and through ours:
 * the tests that hold us to it agree when the verdicts (ok, warnings only, errors) are the same and every
 * finding it prints is one we report with the same severity, path, line and column.
 *
 * @param output   what ignition-validate printed
 * @param theirs   its verdict
 * @param report   our report
 * @param ours     our verdict
 * @param missing  what it prints and we do not report, as "severity path line L col C"
 */
record IgnitionValidateRun(String output, Verdict theirs, ValidationReport report, Verdict ours, List<String> missing) {

    static final Path TOOL = Path.of("/usr/bin/ignition-validate");
    /** {@code error at $.storage.files.0.path, line 3 col 11: path not absolute}. */
    private static final Pattern LINE = Pattern.compile("^(error|warning) at \\$\\.?([^,]*), line (\\d+) col (\\d+):",
            Pattern.MULTILINE);

    enum Verdict { OK, WARNINGS, ERRORS }

    /** For a {@code @BeforeAll}: fails under CI=true when the tool is missing, else skips the test class. */
    static void toolIsThere() {
        boolean present = Files.isExecutable(TOOL);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(TOOL + " is missing: install the Debian package 'ignition' (CI=true, not skipping)");
        }
        Assumptions.assumeTrue(present, TOOL + " is missing: install the Debian package 'ignition' to run this test");
    }

    /** Runs both on a config that is also at {@code file} (ignition-validate reads a file). */
    static IgnitionValidateRun of(Path file, byte[] bytes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(TOOL.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ignition-validate hung");
        Verdict theirs = p.exitValue() != 0 ? Verdict.ERRORS
                : output.lines().anyMatch(l -> l.startsWith("warning")) ? Verdict.WARNINGS : Verdict.OK;

        ValidationReport report = ConfigValidator.validate(bytes);
        Verdict ours = !report.errors().isEmpty() ? Verdict.ERRORS
                : !report.warnings().isEmpty() ? Verdict.WARNINGS : Verdict.OK;

        TreeSet<String> named = new TreeSet<>();
        Matcher m = LINE.matcher(output);
        while (m.find()) {
            named.add(String.format("%s %s line %s col %s", m.group(1), toOurPath(m.group(2)), m.group(3), m.group(4)));
        }
        report.errors().forEach(f -> named.remove(String.format("error %s line %d col %d", f.path(), f.line(), f.column())));
        report.warnings().forEach(f -> named.remove(String.format("warning %s line %d col %d", f.path(), f.line(), f.column())));
        return new IgnitionValidateRun(output, theirs, report, ours, List.copyOf(named));
    }

    /** What differs, for people; empty when we agree. */
    Optional<String> disagreement() {
        if (theirs == ours && missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format("ignition-validate said (%s):%n%s%swe said (%s): %s%nmissing: %s",
                theirs, output, output.endsWith("\n") || output.isEmpty() ? "" : "\n", ours, report, missing));
    }

    /** Fails the test, naming the file, unless we agree. */
    void assertAgree(Path file) {
        disagreement().ifPresent(d -> {
            throw new AssertionError(file + ": " + d);
        });
    }

    /** {@code storage.files.0.path} (after {@code $.}) as {@code storage.files[0].path}. */
    static String toOurPath(String theirs) {
        return theirs.replaceAll("\\.([0-9]+)(?=\\.|$)", "[$1]");
    }
}
