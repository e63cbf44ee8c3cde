package io.github.ignitionassets.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.DurationText;
import io.github.ignitionassets.backoff.Schedule;
import io.github.ignitionassets.script.PullScript;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Scripts from 50 random valid specs: each passes shellcheck and dash -n, and a run with a stand-in sleep that records
 * its argument shows exactly the sleeps the spec promises (within the jitter bounds when jitter is set).
 */
@Tag("real-tools")
class GeneratedScriptPropertiesTest {

    private static Path dir;

    @BeforeContainer
    static void stubs() throws IOException {
        dir = Files.createTempDirectory("script-props");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        stub(bin.resolve("sleep"), "printf '%s\\n' \"$1\" >> \"$CALLS.sleep\"\nexit 0\n");
        stub(bin.resolve("podman"), """
                case "$1 ${2:-}" in
                  "image exists") exit 1 ;;
                  "pull --help") exit 0 ;;
                esac
                echo pull >> "$CALLS.pull"
                echo "Error: pinging container registry: connection refused" >&2
                exit 125
                """);
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void stub(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Provide
    static Arbitrary<BackoffSpec> specs() {
        Arbitrary<Long> initial = Arbitraries.longs().between(1, 600_000);
        Arbitrary<BigDecimal> multiplier = Arbitraries.oneOf(Arbitraries.of(BigDecimal.ONE, BigDecimal.valueOf(2)),
                Arbitraries.bigDecimals().between(BigDecimal.ONE, BigDecimal.valueOf(5)).ofScale(3));
        Arbitrary<Long> extra = Arbitraries.longs().between(0, 3_600_000);
        Arbitrary<BigDecimal> jitter = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.99")).ofScale(2));
        return Combinators.combine(initial, multiplier, extra, jitter, Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(0, 3))
                .as((i, m, e, j, attempts, retries) -> new BackoffSpec(Duration.ofMillis(i), m, Duration.ofMillis(i + e), j,
                        attempts, Duration.ofSeconds(30), retries));
    }

    @Property(tries = 50)
    void scriptIsCleanAndSleepsAsPromised(@ForAll("specs") BackoffSpec spec) throws Exception {
        RequiredTools.require("shellcheck", "shellcheck");
        RequiredTools.require("dash", "dash");
        Path run = Files.createTempDirectory(dir, "run");
        Path script = run.resolve("agent-pull-image");
        Files.write(script, PullScript.render("agent-pull-image", spec, run.resolve("state").toString()).bytes());

        String lint = RequiredTools.run(List.of("shellcheck", "-s", "sh", "-S", "style", script.toString()), null);
        assertEquals("", lint, "shellcheck on a script for " + spec);
        assertEquals("", RequiredTools.run(List.of("dash", "-n", script.toString()), null), "dash -n");

        ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), "quay.io/org/agent:v1");
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("CALLS", run.resolve("calls").toString());
        pb.environment().put("TMPDIR", run.toString());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "script did not finish");
        assertEquals(1, p.exitValue(), "gives up after maxAttempts");

        assertEquals(spec.maxAttempts(), Files.readAllLines(run.resolve("calls.pull")).size(), "attempts");
        List<String> sleeps = Files.exists(run.resolve("calls.sleep")) ? Files.readAllLines(run.resolve("calls.sleep")) : List.of();
        assertEquals(spec.maxAttempts() - 1, sleeps.size(), "one sleep between attempts: " + sleeps);
        Schedule schedule = Schedule.of(spec);
        long delay = schedule.initialDelayMs();
        List<String> promised = new ArrayList<>();
        for (String s : sleeps) {
            long ms = Math.round(Double.parseDouble(s) * 1000);
            if (spec.jitter().signum() == 0) {
                promised.add(DurationText.seconds(delay));
            } else {
                assertTrue(ms >= schedule.minSleepMs(delay) && ms <= schedule.maxSleepMs(delay),
                        s + " s outside the bounds of delay " + delay + " ms, jitter " + spec.jitter());
                promised.add(s);
            }
            delay = schedule.nextDelayMs(delay);
        }
        assertEquals(promised, sleeps, "sleeps for " + spec);
    }
}
