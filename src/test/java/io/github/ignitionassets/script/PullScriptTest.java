package io.github.ignitionassets.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.PullPolicy;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the rendered script under {@code sh} with stand-ins for {@code podman} and {@code sleep} that record their
 * arguments, so the attempts and sleeps the spec promises are observed, not assumed.
 */
class PullScriptTest {

    @TempDir
    Path dir;

    /** What {@link #run} renders the script with. */
    private PullPolicy policy = PullPolicy.MISSING;
    private String authFile;

    @Test
    void defaultScriptIsTheGoldenOne() throws IOException {
        try (InputStream in = PullScriptTest.class.getResourceAsStream("/golden/agent-pull-image")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    PullScript.render("agent-pull-image", BackoffSpec.DEFAULTS, "/run/agent-pull-image").text());
        }
    }

    @Test
    void scriptHasLfLineEndingsAndNoUnfilledPlaceholder() {
        String text = PullScript.render("agent-pull-image", BackoffSpec.DEFAULTS, "/run/agent-pull-image").text();
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

    @Test
    void keepsScheduleAcrossRestarts() throws Exception {
        var spec = spec("1s", "2", "20s", "0", 6);
        // First start: killed (as systemd does at TimeoutStartSec) during its third sleep.
        Run first = run(spec, "fail", stateDir(), Map.of("KILL_AT_SLEEP", "3"));
        assertEquals(143, first.exit, first.stderr);
        assertEquals(3, first.pulls());
        assertEquals(List.of("1.000", "2.000", "4.000"), first.sleeps());

        // Second start: waits out the rest of the third sleep, then goes on at 8 s, not back at 1 s.
        Run second = run(spec, "fail");
        assertEquals(1, second.exit, second.stderr);
        assertEquals(3, second.pulls(), "maxAttempts counts across restarts: 3 + 3 = 6");
        List<String> sleeps = second.sleeps();
        double resumed = Double.parseDouble(sleeps.get(0));
        assertTrue(resumed > 3.0 && resumed <= 4.0, "resumed wait " + resumed);
        assertEquals(List.of("8.000", "16.000"), sleeps.subList(1, sleeps.size()));
        assertTrue(second.stderr.contains("resuming after 3 failed attempts"), second.stderr);

        // Every later start in this boot gives up at once, without contacting the registry.
        Run third = run(spec, "fail");
        assertEquals(1, third.exit);
        assertEquals(0, third.pulls());
        assertTrue(third.stderr.contains("gave up on quay.io/org/agent:v1 after 6 failed attempts in this boot"), third.stderr);
    }

    @Test
    void anAttemptThatFellDueWhileTheUnitWasDownWaitsForItsNextSlot() throws Exception {
        var spec = spec("250ms", "2", "4s", "0", 6);
        run(spec, "fail", stateDir(), Map.of("KILL_AT_SLEEP", "1"));
        Path state;
        try (var files = Files.list(stateDir())) {
            state = files.findFirst().orElseThrow();
        }
        String boot = Files.readAllLines(state).stream().filter(l -> l.startsWith("boot_id=")).findFirst().orElseThrow();
        // Due 10.5 s ago with a 4 s delay: its slots were 6.5 s and 2.5 s ago, the next is in 1.5 s.
        long dueAt = uptimeMs() - 10_500;
        Files.writeString(state, "attempt=5\ndelay_ms=4000\nnext_at_ms=" + dueAt + "\n" + boot + "\n");
        Run run = run(spec, "fail");
        assertEquals(1, run.exit, run.stderr);
        assertEquals(1, run.pulls(), "the 6th attempt, in its slot");
        List<String> sleeps = run.sleeps();
        assertEquals(1, sleeps.size(), run.stderr);
        double waited = Double.parseDouble(sleeps.get(0));
        assertTrue(waited > 1.0 && waited <= 1.5, "waited " + waited + " s for the next slot");
        assertTrue(run.stderr.contains("resuming after 5 failed attempts; the next attempt fell due while the unit was"
                + " down, so it waits for its next slot: next attempt in"), run.stderr);
    }

    /**
     * With jitter the slots after a missed attempt are jittered sleeps apart, as in the load model, not whole delays:
     * the same overdue attempt gives a different wait each time (a whole delay from the due time would give one), yet
     * the first attempt still comes within one longest sleep of the start; a unit down for an hour draws only the last
     * slots.
     */
    @Test
    void withJitterTheMissedSlotsAreJitteredSleepsApart() throws Exception {
        var spec = spec("250ms", "2", "2s", "0.5", 5);
        run(spec, "fail", stateDir(), Map.of("KILL_AT_SLEEP", "1"));
        Path state;
        try (var files = Files.list(stateDir())) {
            state = files.findFirst().orElseThrow();
        }
        String boot = Files.readAllLines(state).stream().filter(l -> l.startsWith("boot_id=")).findFirst().orElseThrow();
        List<Double> waits = new ArrayList<>();
        for (long overdueMs : List.of(5_300L, 5_300L, 5_300L, 5_300L, 5_300L, 5_300L, 3_600_000L)) {
            Files.writeString(state, "attempt=4\ndelay_ms=2000\nnext_at_ms=" + (uptimeMs() - overdueMs) + "\n" + boot + "\n");
            Run run = run(spec, "fail");
            assertEquals(1, run.pulls(), "the 5th and last attempt, in its slot: " + run.stderr);
            // No sleep at all when the slot went by while the script started (a few milliseconds).
            double waited = run.sleeps().isEmpty() ? 0 : Double.parseDouble(run.sleeps().get(0));
            assertTrue(waited <= 3.0, "waited " + waited + " s: at most the longest sleep, 3 s");
            assertTrue(waited == 0 || run.stderr.contains("fell due while the unit was down"), run.stderr);
            waits.add(waited);
        }
        List<Double> same = waits.subList(0, 6);
        assertTrue(Collections.max(same) - Collections.min(same) > 0.2, "waits for the same overdue attempt: " + same);
    }

    /** Milliseconds since boot, the script's clock. */
    private static long uptimeMs() throws IOException {
        return Math.round(Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]) * 1000);
    }

    @Test
    void successfulPullRemovesTheState() throws Exception {
        Run run = run(spec("1s", "2", "8s", "0", 0), "succeed-third");
        assertEquals(0, run.exit, run.stderr);
        try (var files = Files.list(stateDir())) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void corruptStateStartsFromTheInitialDelay() throws Exception {
        var spec = spec("1s", "2", "8s", "0", 2);
        run(spec, "fail", stateDir(), Map.of("KILL_AT_SLEEP", "1"));
        Path state;
        try (var files = Files.list(stateDir())) {
            state = files.findFirst().orElseThrow();
        }
        assertTrue(Files.readString(state).contains("attempt=1\ndelay_ms=2000\n"), Files.readString(state));
        Files.writeString(state, "attempt=1\ndelay_ms=$(reboot)\nnext_at_ms=x\n");
        Run run = run(spec, "fail");
        assertEquals(2, run.pulls());
        assertEquals(List.of("1.000"), run.sleeps());
        assertTrue(run.stderr.contains("ignoring unreadable state file"), run.stderr);
    }

    @Test
    void unwritableStateDirectoryDegradesToMemoryWithOneWarning() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        Run run = run(spec("1s", "2", "8s", "0", 3), "fail", notADirectory.resolve("state"), Map.of());
        assertEquals(1, run.exit);
        assertEquals(3, run.pulls());
        assertEquals(1, run.stderr.lines().filter(l -> l.contains("warning")).count(), run.stderr);
        assertTrue(run.stderr.contains("keeping the schedule in memory"), run.stderr);
    }

    @Test
    void asksPodmanFiveForOneRequestPerAttempt() throws Exception {
        Run run = run(spec("1s", "2", "8s", "0", 1), "fail", stateDir(), Map.of("PODMAN5", "1"));
        assertTrue(run.calls.contains("podman|pull|--retry=0|quay.io/org/agent:v1"), run.calls.toString());
        assertEquals(1, run.pulls(), "the --help probe is not an attempt");
        Run podman4 = run(spec("1s", "2", "8s", "0", 1), "fail", dir.resolve("state4"), Map.of());
        assertTrue(podman4.calls.contains("podman|pull|quay.io/org/agent:v1"), podman4.calls.toString());
    }

    @Test
    void newerWithACachedCopyMakesOneAttemptAndStartsOnTheCopy() throws Exception {
        policy = PullPolicy.NEWER;
        var spec = spec("1m", "2", "8m", "0", 0);
        Run first = run(spec, "present");
        assertEquals(0, first.exit, first.stderr);
        assertEquals(1, first.pulls());
        assertEquals(List.of(), first.sleeps(), "no waiting for the registry");
        assertTrue(first.stderr.contains("attempt 1 failed (exit 125: Error: connection refused); quay.io/org/agent:v1 is"
                + " present, starting on the cached copy"), first.stderr);

        // A restart within the delay checks nothing: the schedule holds, and the service starts on the copy.
        Run second = run(spec, "present");
        assertEquals(0, second.exit, second.stderr);
        assertEquals(0, second.pulls());
        assertTrue(second.stderr.contains("next check for a newer image in"), second.stderr);
    }

    @Test
    void newerPullsWhenTheRegistryAnswersAndBacksOffWithoutACopy() throws Exception {
        policy = PullPolicy.NEWER;
        Run fresh = run(spec("1s", "2", "8s", "0", 0), "succeed-third");
        assertEquals(0, fresh.exit, fresh.stderr);
        assertEquals(3, fresh.pulls(), "no copy: back off as under missing");
        assertEquals(List.of("1.000", "2.000"), fresh.sleeps());
        Run none = run(spec("1s", "2", "8s", "0", 2), "fail", dir.resolve("state2"), Map.of());
        assertEquals(1, none.exit, none.stderr);
        assertEquals(2, none.pulls());
    }

    @Test
    void newerCountsTheAttemptTowardsMaxAttemptsButNeverExitsNonZeroWithACopy() throws Exception {
        policy = PullPolicy.NEWER;
        var spec = spec("1ms", "1", "1ms", "0", 1);
        Run first = run(spec, "present");
        assertEquals(0, first.exit, first.stderr);
        assertEquals(1, first.pulls());
        Run second = run(spec, "present");
        assertEquals(0, second.exit, second.stderr);
        assertEquals(0, second.pulls(), "maxAttempts reached: the registry is not contacted");
        assertTrue(second.stderr.contains("no newer image after 1 failed attempts in this boot (maxAttempts 1)"), second.stderr);
    }

    @Test
    void alwaysIgnoresACachedCopyAndBacksOff() throws Exception {
        policy = PullPolicy.ALWAYS;
        Run run = run(spec("1s", "2", "8s", "0", 3), "present");
        assertEquals(1, run.exit, run.stderr);
        assertEquals(3, run.pulls());
        assertEquals(List.of("1.000", "2.000"), run.sleeps());
        assertTrue(run.calls.stream().noneMatch(c -> c.startsWith("podman|image|")), "local storage is not asked: " + run.calls);
    }

    @Test
    void passesTheAuthFileWhenTheHostHasIt() throws Exception {
        Path auth = Files.writeString(dir.resolve("my auth.json"), "{}");
        authFile = auth.toString();
        Run run = run(spec("1s", "2", "8s", "0", 1), "fail");
        assertTrue(run.calls.contains("podman|pull|--authfile|" + auth + "|quay.io/org/agent:v1"), run.calls.toString());
        assertFalse(run.stderr.contains("missing"), run.stderr);
    }

    @Test
    void aMissingAuthFileIsLoggedOnceAndThePullGoesOnWithout() throws Exception {
        authFile = dir.resolve("absent/auth.json").toString();
        Run run = run(spec("1s", "2", "8s", "0", 3), "fail");
        assertEquals(3, run.pulls());
        assertEquals(3, run.calls.stream().filter(c -> c.equals("podman|pull|quay.io/org/agent:v1")).count(), run.calls.toString());
        assertEquals(List.of("agent-pull-image: auth file " + authFile + " is missing; pulling without it"),
                run.stderr.lines().filter(l -> l.contains("auth file")).toList());
    }

    @Test
    void thePolicyAndTheAuthFileReachTheScriptQuoted() {
        String text = PullScript.render("agent-pull-image", BackoffSpec.DEFAULTS, "/run/agent-pull-image", PullPolicy.NEWER,
                "/etc/it's auth.json").text();
        assertTrue(text.contains("\npull_policy=newer\n"), text);
        assertTrue(text.contains("\nauth_file='/etc/it'\\''s auth.json'\n"), text);
        assertTrue(PullScript.render("agent-pull-image", BackoffSpec.DEFAULTS, "/run/agent-pull-image").text()
                .contains("\npull_policy=missing\n"));
    }

    static BackoffSpec spec(String initial, String multiplier, String max, String jitter, int attempts) {
        return new BackoffSpec(io.github.ignitionassets.backoff.DurationText.parse(initial), new BigDecimal(multiplier),
                io.github.ignitionassets.backoff.DurationText.parse(max), new BigDecimal(jitter), attempts, Duration.ofMinutes(1), 0);
    }

    record Run(int exit, String stderr, List<String> calls) {
        long pulls() {
            return calls.stream().filter(c -> c.startsWith("podman|pull|") && !c.equals("podman|pull|--help")).count();
        }

        List<String> sleeps() {
            List<String> out = new ArrayList<>();
            calls.stream().filter(c -> c.startsWith("sleep|")).forEach(c -> out.add(c.substring(6)));
            return out;
        }
    }

    private Path stateDir() {
        return dir.resolve("state");
    }

    private Run run(BackoffSpec spec, String podmanMode) throws Exception {
        return run(spec, podmanMode, stateDir(), Map.of());
    }

    /** Runs the script with stand-ins that record each call as {@code name|arg|arg}. */
    private Run run(BackoffSpec spec, String podmanMode, Path stateDir, Map<String, String> env) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("calls");
        Files.deleteIfExists(log);
        Path count = dir.resolve("count");
        String record = "printf '%s' \"$(basename \"$0\")\" >> " + log + "; for a in \"$@\"; do printf '|%s' \"$a\" >> " + log + "; done; echo >> " + log + "\n";
        stub(bin.resolve("sleep"), record + """
                n=$(grep -c '^sleep' LOG)
                if [ "$n" = "${KILL_AT_SLEEP:-0}" ]; then kill -TERM "$PPID"; fi
                exit 0
                """.replace("LOG", log.toString()));
        stub(bin.resolve("podman"), record + """
                case "$1" in
                  image) [ "$MODE" = present ] && exit 0; exit 1 ;;
                  pull)
                    if [ "$2" = --help ]; then
                      [ "${PODMAN5:-}" = 1 ] && echo "      --retry uint   number of times to retry in case of failure"
                      exit 0
                    fi
                    n=$(( $(cat COUNT 2>/dev/null || echo 0) + 1 )); echo "$n" > COUNT
                    if [ "$MODE" = succeed-third ] && [ "$n" -ge 3 ]; then exit 0; fi
                    echo "Trying to pull $2..." >&2; echo "Error: connection refused" >&2; exit 125 ;;
                esac
                """.replace("COUNT", count.toString()));
        Path script = dir.resolve("agent-pull-image");
        Files.write(script, PullScript.render("agent-pull-image", spec, stateDir.toString(), policy, authFile).bytes());
        ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), "quay.io/org/agent:v1");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("MODE", podmanMode);
        pb.environment().put("TMPDIR", dir.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(false);
        Process p = pb.start();
        p.getOutputStream().close();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "script did not finish");
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return new Run(p.exitValue(), stderr, calls);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@@A@@|1",
            "x@@AB@@y|x'$x\\\\1'y",
            "@@@A@@ @@a@@ @@@@A@@|@1 @@a@@ @@1",
            "@@ A @@|@@ A @@",
            "no placeholder|no placeholder"})
    void fillsEachPlaceholderWithItsValueAsWritten(String template, String filled) {
        assertEquals(filled, PullScript.fill(template, Map.of("A", "1", "AB", "'$x\\\\1'")));
    }

    @Test
    void aPlaceholderWithoutAValueIsABugOfOurs() {
        var e = assertThrows(IllegalStateException.class, () -> PullScript.fill("a @@MISSING@@", Map.of()));
        assertEquals("template placeholder without a value: @@MISSING@@", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"agent-pull-image|agent-pull-image", "pull image!|pull_image_",
            "a\uD83D\uDE00b|a_b", "caf\u00e9|caf_"})
    void makesTheNamePlainForTheLogTag(String name, String plain) {
        assertEquals(plain, PullScript.plainName(name));
    }

    private static void stub(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
