package io.github.ignitionassets.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the rendered script under {@code sh} with stand-ins for {@code podman} and {@code sleep} that record their
 * arguments, so the attempts and sleeps the spec promises are observed, not assumed.
 */
class PullScriptTest {

    @TempDir
    Path dir;

    @Test
    void defaultScriptIsTheGoldenOne() throws IOException {
        try (InputStream in = PullScriptTest.class.getResourceAsStream("/golden/agent-pull-image")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    PullScript.render("agent-pull-image", BackoffSpec.DEFAULTS).text());
        }
    }

    @Test
    void scriptHasLfLineEndingsAndNoUnfilledPlaceholder() {
        String text = PullScript.render("agent-pull-image", BackoffSpec.DEFAULTS).text();
        assertFalse(text.contains("\r"));
        assertFalse(text.contains("@@"));
        assertTrue(text.startsWith("#!/bin/sh\n"));
    }

    @Test
    void sleepsExactlyTheNominalDelaysWithoutJitter() throws Exception {
        var spec = spec("1s", "3", "20s", "0", 6);
        Run run = run(spec, "fail");
        assertEquals(1, run.exit);
        assertEquals(6, run.pulls());
        assertEquals(List.of("1.000", "3.000", "9.000", "20.000", "20.000"), run.sleeps());
        assertEquals(6, run.stderr.lines().filter(l -> l.contains("failed")).count(), run.stderr);
        assertTrue(run.stderr.contains("attempt 2 failed (exit 125: Error: connection refused); next attempt in 3.000s"), run.stderr);
        assertTrue(run.stderr.contains("giving up after 6 attempts"), run.stderr);
    }

    @Test
    void jitteredSleepsStayWithinTheSpecsBounds() throws Exception {
        var spec = spec("1s", "2", "8s", "0.5", 40);
        Run run = run(spec, "fail");
        Schedule schedule = Schedule.of(spec);
        List<String> sleeps = run.sleeps();
        assertEquals(39, sleeps.size());
        long delay = schedule.initialDelayMs();
        boolean varied = false;
        for (String s : sleeps) {
            long ms = Math.round(Double.parseDouble(s) * 1000);
            assertTrue(ms >= schedule.minSleepMs(delay) && ms <= schedule.maxSleepMs(delay), s + " for delay " + delay);
            varied |= ms != delay;
            delay = schedule.nextDelayMs(delay);
        }
        assertTrue(varied, "jitter 0.5 never moved a sleep: " + sleeps);
    }

    @Test
    void exitsAtOnceWhenTheImageIsPresent() throws Exception {
        Run run = run(spec("1s", "2", "8s", "0", 0), "present");
        assertEquals(0, run.exit);
        assertEquals(0, run.pulls());
        assertEquals(List.of(), run.sleeps());
    }

    @Test
    void exitsZeroOnTheFirstSuccessfulPull() throws Exception {
        Run run = run(spec("1s", "2", "8s", "0", 0), "succeed-third");
        assertEquals(0, run.exit, run.stderr);
        assertEquals(3, run.pulls());
        assertEquals(List.of("1.000", "2.000"), run.sleeps());
        assertTrue(run.stderr.contains("pulled quay.io/org/agent:v1 on attempt 3"), run.stderr);
    }

    @Test
    void passesTheImageAsOneArgument() throws Exception {
        Run run = run(spec("1s", "2", "8s", "0", 1), "fail");
        assertTrue(run.calls.contains("podman|pull|quay.io/org/agent:v1"), run.calls.toString());
    }

    static BackoffSpec spec(String initial, String multiplier, String max, String jitter, int attempts) {
        return new BackoffSpec(io.github.ignitionassets.backoff.DurationText.parse(initial), new BigDecimal(multiplier),
                io.github.ignitionassets.backoff.DurationText.parse(max), new BigDecimal(jitter), attempts, Duration.ofMinutes(1));
    }

    record Run(int exit, String stderr, List<String> calls) {
        long pulls() {
            return calls.stream().filter(c -> c.startsWith("podman|pull|")).count();
        }

        List<String> sleeps() {
            List<String> out = new ArrayList<>();
            calls.stream().filter(c -> c.startsWith("sleep|")).forEach(c -> out.add(c.substring(6)));
            return out;
        }
    }

    /** Runs the script with stand-ins that record each call as {@code name|arg|arg}. */
    private Run run(BackoffSpec spec, String podmanMode) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("calls");
        Path count = dir.resolve("count");
        String record = "printf '%s' \"$(basename \"$0\")\" >> " + log + "; for a in \"$@\"; do printf '|%s' \"$a\" >> " + log + "; done; echo >> " + log + "\n";
        stub(bin.resolve("sleep"), record + "exit 0\n");
        stub(bin.resolve("podman"), record + """
                case "$1" in
                  image) [ "$MODE" = present ] && exit 0; exit 1 ;;
                  pull)
                    n=$(( $(cat COUNT 2>/dev/null || echo 0) + 1 )); echo "$n" > COUNT
                    if [ "$MODE" = succeed-third ] && [ "$n" -ge 3 ]; then exit 0; fi
                    echo "Trying to pull $2..." >&2; echo "Error: connection refused" >&2; exit 125 ;;
                esac
                """.replace("COUNT", count.toString()));
        Path script = dir.resolve("agent-pull-image");
        Files.write(script, PullScript.render("agent-pull-image", spec).bytes());
        ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), "quay.io/org/agent:v1");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("MODE", podmanMode);
        pb.environment().put("TMPDIR", dir.toString());
        pb.redirectErrorStream(false);
        Process p = pb.start();
        p.getOutputStream().close();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "script did not finish");
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return new Run(p.exitValue(), stderr, calls);
    }

    private static void stub(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
