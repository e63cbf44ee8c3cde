package io.github.ignitionassets.ignition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus config through the real {@code ignition-validate} (Debian package {@code ignition}, 2.14): same
 * verdict (ok, warnings only, errors) as ours, and every path it names is one we name with the same severity.
 */
@Tag("real-tools")
class ValidatorAgreesWithIgnitionValidateTest {

    private static final Path TOOL = Path.of("/usr/bin/ignition-validate");
    private static final Pattern LINE = Pattern.compile("^(error|warning) at \\$\\.?([^,]*),", Pattern.MULTILINE);

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
        Process p = new ProcessBuilder(TOOL.toString(), c.file().toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ignition-validate hung");
        Verdict theirs = p.exitValue() != 0 ? Verdict.ERRORS
                : output.lines().anyMatch(l -> l.startsWith("warning")) ? Verdict.WARNINGS : Verdict.OK;

        ValidationReport report = ConfigValidator.validate(c.bytes());
        Verdict ours = !report.errors().isEmpty() ? Verdict.ERRORS
                : !report.warnings().isEmpty() ? Verdict.WARNINGS : Verdict.OK;
        assertEquals(theirs, ours, () -> "ignition-validate said:\n" + output + "we said: " + report);

        TreeSet<String> named = new TreeSet<>();
        Matcher m = LINE.matcher(output);
        while (m.find()) {
            named.add(m.group(1) + " " + toOurPath(m.group(2)));
        }
        TreeSet<String> ourPaths = new TreeSet<>();
        report.errors().forEach(f -> ourPaths.add("error " + f.path()));
        report.warnings().forEach(f -> ourPaths.add("warning " + f.path()));
        TreeSet<String> missing = new TreeSet<>(named);
        missing.removeAll(ourPaths);
        assertEquals(List.of(), List.copyOf(missing), () -> "ignition-validate said:\n" + output + "we said: " + report);
    }

    /** {@code storage.files.0.path} (after {@code $.}) as {@code storage.files[0].path}. */
    static String toOurPath(String theirs) {
        return theirs.replaceAll("\\.([0-9]+)(?=\\.|$)", "[$1]");
    }
}
