package io.github.ignitionassets.realtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.GeneratedAssets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated script, run as the unit runs it, against real podman (scratch storage) and a real registry on
 * 127.0.0.1. A {@link PodmanWrapper} first on PATH counts the script's pulls and times them. The spec is
 * millisecond-scale: delays 50ms, 100ms, 200ms, then 200ms (maxDelay), no jitter, so each logged delay is exact.
 * podman itself retries a pull on network errors (3 times, 1 s apart) but not on a 503, so no assertion here
 * depends on timing finer than 1 s, and the lower bounds (a retry never comes sooner than its delay) are exact.
 */
@Tag("real-tools")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PullScriptAgainstRegistryTest {

    private static final Pattern RETRY = Pattern.compile(
            "agent-pull-image: attempt (\\d+) failed \\(exit (\\d+): (.+)\\); next attempt in (\\d+\\.\\d{3})s");
    private static final Pattern GIVE_UP = Pattern.compile(
            "agent-pull-image: attempt (\\d+) failed \\(exit (\\d+): (.+)\\); giving up after (\\d+) attempts");
    private static final List<String> DELAYS = List.of("0.050", "0.100", "0.200", "0.200", "0.200");
    private static final long MAX_DELAY_MS = 200;
    /**
     * Slack on upper bounds only, for process start-up and polling on a loaded 2-core machine (lower bounds have
     * none). Far below what a unit mistake (seconds for milliseconds) would add.
     */
    private static final long SLACK_MS = 2000;

    @TempDir
    Path dir;

    private int port;
    private String image;
    private IsolatedPodman podman;
    private PodmanWrapper wrapper;
    private PullTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new PullTestBed(dir);
        port = bed.port;
        image = bed.image;
        podman = bed.podman;
        wrapper = bed.wrapper;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    /** Generated script, written as the goal writes it (mode 0755), then started with the wrapper on PATH. */
    private ScriptRun startScript(int maxAttempts) {
        GeneratedAssets a = Assets.generate(dir, image, Assets.fastBackoff(maxAttempts), GenerateRequest.DEFAULT_SCRIPT_PATH,
                false, "3.1.0", dir.resolve("state").toString());
        Path out = Assets.write(a, dir.resolve("out"));
        return bed.track(ScriptRun.start(out.resolve(a.script().fileName()), image, bed.scriptEnv(), dir));
    }

    /** Runs a real registry on the test's port and pushes the tiny image to it; local storage is left empty. */
    private void seedRegistry() {
        try (LocalRegistry registry = LocalRegistry.start(dir.resolve("registry"), port)) {
            podman.importTinyImage(image);
            podman.podmanOk("push", "--quiet", image, "docker://" + registry.host() + "/test/tiny:1");
            podman.podmanOk("rmi", image);
        }
        assertFalse(podman.imageExists(image));
    }

    private static List<Matcher> matching(Pattern p, List<String> lines) {
        List<Matcher> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.matches()) {
                out.add(m);
            }
        }
        return out;
    }

    private static long retries(List<String> lines) {
        return matching(RETRY, lines).size();
    }

    /** Each failure is logged with the spec's delay, and the next pull never starts sooner than that delay. */
    private void assertRetriedWithSpecDelays(ScriptRun run, int failures) {
        List<Matcher> logged = matching(RETRY, run.stderrLines());
        assertTrue(logged.size() >= failures, run::describe);
        List<PodmanWrapper.Call> pulls = wrapper.pulls();
        for (int i = 0; i < failures; i++) {
            Matcher m = logged.get(i);
            assertEquals(Integer.toString(i + 1), m.group(1), run::describe);
            assertNotEquals("0", m.group(2), run::describe);
            assertEquals(DELAYS.get(i), m.group(4), () -> "delay of attempt " + m.group(1) + "\n" + run.describe());
            PodmanWrapper.Call failed = pulls.get(i);
            PodmanWrapper.Call next = pulls.get(i + 1);
            assertEquals("pull " + image, failed.args());
            assertNotEquals(0, failed.exit());
            long gap = next.startMillis() - failed.endMillis();
            long delay = Math.round(Double.parseDouble(DELAYS.get(i)) * 1000);
            assertTrue(gap >= delay, "attempt " + (i + 2) + " started " + gap + "ms after attempt " + (i + 1)
                    + " failed; the spec says " + delay + "ms");
            assertTrue(gap < delay + SLACK_MS, "attempt " + (i + 2) + " waited " + gap + "ms; the spec says " + delay + "ms");
        }
    }

    /** Stops the script as systemd stops the unit, and checks it leaves at once, taking its pull with it. */
    private void assertStopsOnSigterm(ScriptRun run) {
        assertTrue(run.isAlive(), () -> "maxAttempts 0 means retry forever\n" + run.describe());
        run.terminate();
        assertEquals(143, run.awaitExit(Duration.ofSeconds(10)), run::describe);
        long deadline = System.currentTimeMillis() + 5000;
        while (!bed.leftoverPulls().isEmpty() && System.currentTimeMillis() < deadline) {
            ScriptRun.sleep(50);
        }
        assertEquals(List.of(), bed.leftoverPulls().stream().map(h -> h.info().commandLine().orElse("?")).toList(),
                "a stopped script must not leave a pull running");
    }

    @Test
    void exitsAtOnceWithoutPullingWhenImageIsCached() {
        podman.importTinyImage(image); // nothing listens on the port: a pull could only fail
        ScriptRun run = startScript(0);

        assertEquals(0, run.awaitExit(Duration.ofSeconds(30)), run::describe);

        assertEquals(0, wrapper.pulls().size(), () -> "pulls: " + wrapper.calls());
        assertEquals(List.of("image exists " + image), wrapper.calls().stream().map(PodmanWrapper.Call::args).toList());
        assertEquals(List.of("agent-pull-image: " + image + " is already present; not pulling"), run.stderrLines());
    }

    @Test
    void keepsRetryingWithSpecDelaysWhileRegistryIsDown() {
        assertFalse(Loopback.listening(port));
        ScriptRun run = startScript(0);

        // podman retries a refused connection itself (about 3 s per attempt), so two attempts are enough here
        run.awaitLog(lines -> retries(lines) >= 2 && wrapper.pulls().size() >= 3, Duration.ofSeconds(60), "two failed attempts");

        assertRetriedWithSpecDelays(run, 2);
        for (Matcher m : matching(RETRY, run.stderrLines())) {
            assertTrue(m.group(3).contains("connection refused"), run::describe);
        }
        assertStopsOnSigterm(run);
        assertFalse(podman.imageExists(image));
    }

    @Test
    void keepsRetryingWithSpecDelaysWhileRegistryAnswers503() {
        try (Http503Server overloaded = Http503Server.start(port)) {
            ScriptRun run = startScript(0);

            run.awaitLog(lines -> retries(lines) >= 5 && wrapper.pulls().size() >= 6, Duration.ofSeconds(60), "five failed attempts");

            assertRetriedWithSpecDelays(run, 5); // 50, 100, 200, then capped at maxDelay: 200, 200
            for (Matcher m : matching(RETRY, run.stderrLines())) {
                assertTrue(m.group(3).contains("503"), run::describe);
            }
            assertTrue(overloaded.requests() >= 5, "requests: " + overloaded.requests());
            assertStopsOnSigterm(run);
            assertFalse(podman.imageExists(image));
        }
    }

    @Test
    void pullsOnceRegistryComesBack() {
        seedRegistry();
        ScriptRun run;
        try (Http503Server overloaded = Http503Server.start(port)) {
            run = startScript(0);
            run.awaitLog(lines -> retries(lines) >= 3, Duration.ofSeconds(60), "three failed attempts");
            assertTrue(overloaded.requests() >= 3, "requests: " + overloaded.requests());
        }
        LocalRegistry registry = bed.track(LocalRegistry.start(dir.resolve("registry"), port));
        long backAt = System.currentTimeMillis();

        assertEquals(0, run.awaitExit(Duration.ofSeconds(60)), run::describe);

        List<PodmanWrapper.Call> pulls = wrapper.pulls();
        PodmanWrapper.Call last = pulls.get(pulls.size() - 1);
        PodmanWrapper.Call before = pulls.get(pulls.size() - 2);
        assertEquals(0, last.exit());
        assertNotEquals(0, before.exit());
        // the first pull after the registry is back starts within one maxDelay of it (or of the attempt that
        // was failing when it came back), and the script exits as soon as that pull is done
        long waited = last.startMillis() - Math.max(backAt, before.endMillis());
        assertTrue(waited <= MAX_DELAY_MS + SLACK_MS, "next pull came " + waited + "ms after the registry was back");
        long total = run.exitMillis() - backAt;
        System.out.printf("pullsOnceRegistryComesBack: %d pulls; registry back -> exit %d ms; successful pull %d ms%n",
                pulls.size(), total, last.millis());
        long bound = MAX_DELAY_MS + last.millis() + Math.max(0, before.endMillis() - backAt) + SLACK_MS;
        assertTrue(total <= bound, "exited " + total + "ms after the registry was back; bound " + bound + "ms");
        List<String> log = run.stderrLines();
        assertEquals("agent-pull-image: pulled " + image + " on attempt " + pulls.size(), log.get(log.size() - 1), run::describe);
        assertEquals(pulls.size() - 1, retries(log), run::describe);
        assertTrue(podman.imageExists(image), "the image is in local storage");
        assertTrue(registry.readLog().lines().noneMatch(l -> l.contains("level=error")), registry::readLog);
    }

    /**
     * Issue 4, section 7, with the real podman against a registry answering 503: the script under a restart loop that
     * imitates systemd (SIGTERM at a short TimeoutStartSec, a new start after RestartSec) keeps the promised rate,
     * outage / maxDelay plus the ramp, where the seed's script (schedule in a shell variable) starts over each time.
     */
    @Test
    void keepsThePromisedRateAcrossRestartsAgainstA503Registry() throws Exception {
        long outageMs = 24_000;
        long timeoutStartMs = 3_000;
        long restartMs = 500;
        Map<String, String> backoff = new java.util.LinkedHashMap<>(Assets.fastBackoff(0));
        backoff.put("initialDelay", "100ms");
        backoff.put("maxDelay", "2s");
        GeneratedAssets a = Assets.generate(dir, image, backoff, GenerateRequest.DEFAULT_SCRIPT_PATH, false, "3.1.0",
                dir.resolve("state").toString());
        Path ours = Assets.write(a, dir.resolve("out")).resolve(a.script().fileName());
        Path seed = dir.resolve("seed-pull-image");
        try (var in = PullScriptAgainstRegistryTest.class.getResourceAsStream("/seed/seed-pull-image.sh")) {
            java.nio.file.Files.write(seed, in.readAllBytes());
        }
        seed.toFile().setExecutable(true);
        Map<String, String> env = bed.scriptEnv();
        env.put("INITIAL_MS", "100");
        env.put("MAX_MS", "2000");

        int oursPulls;
        int seedPulls;
        double meanPullMs;
        try (Http503Server overloaded = Http503Server.start(port)) {
            oursPulls = underRestartLoop(ours, env, outageMs, timeoutStartMs, restartMs);
            // Pulls that ended; one killed by the restart loop has no end.
            meanPullMs = wrapper.pulls().stream().filter(c -> c.endMillis() >= 0).mapToLong(PodmanWrapper.Call::millis)
                    .average().orElse(0);
            seedPulls = underRestartLoop(seed, env, outageMs, timeoutStartMs, restartMs) - oursPulls;
            assertTrue(overloaded.requests() >= oursPulls + seedPulls, "requests: " + overloaded.requests());
        }
        // Attempts at 0, 0.1, 0.3, 0.7, 1.5 and 3.1 s ramp the delay to its cap; then one every maxDelay.
        double promised = 6 + (outageMs - 3_100) / 2_000.0;
        var spec = a.spec().backoff();
        var unit = new io.github.ignitionassets.backoff.RestartPolicy(timeoutStartMs, restartMs, true);
        var model = new io.github.ignitionassets.backoff.LoadModel(spec, unit, Math.round(meanPullMs));
        int modelled = model.attemptTimes(io.github.ignitionassets.backoff.LoadModel.Policy.STATE_FILE, outageMs,
                new java.util.Random(1)).length;
        int seedModelled = model.attemptTimes(io.github.ignitionassets.backoff.LoadModel.Policy.RESET_ON_RESTART,
                outageMs, new java.util.Random(1)).length;
        System.out.printf("restart loop against a 503 registry, real podman (%.0f ms a pull), %d s: ours %d pulls"
                        + " (promised %.1f, modelled %d), seed %d (modelled %d), seed/ours %.2f%n", meanPullMs,
                outageMs / 1000, oursPulls, promised, modelled, seedPulls, seedModelled, seedPulls / (double) oursPulls);
        assertTrue(Math.abs(oursPulls - promised) <= 0.3 * promised, "ours " + oursPulls + ", promised " + promised);
        assertTrue(Math.abs(oursPulls - modelled) <= 0.3 * modelled, "ours " + oursPulls + ", modelled " + modelled);
        assertTrue(seedPulls > 1.5 * oursPulls, "seed " + seedPulls + " vs ours " + oursPulls);
    }

    /** Runs a script under the restart loop for the outage; returns the pulls podman has seen in all so far. */
    private int underRestartLoop(Path script, Map<String, String> env, long outageMs, long timeoutStartMs, long restartMs)
            throws Exception {
        long end = System.currentTimeMillis() + outageMs;
        int n = 0;
        while (System.currentTimeMillis() < end) {
            Path runDir = java.nio.file.Files.createDirectories(dir.resolve("start" + script.getFileName() + n++))
                    .toAbsolutePath();
            try (ScriptRun run = ScriptRun.start(script, image, env, runDir)) {
                long left = Math.min(timeoutStartMs, end - System.currentTimeMillis());
                ScriptRun.sleep(Math.max(0, left));
                run.terminate();
                run.awaitExit(Duration.ofSeconds(10));
            }
            Thread.sleep(restartMs);
        }
        return wrapper.pulls().size();
    }

    @Test
    void givesUpAfterMaxAttempts() {
        try (Http503Server overloaded = Http503Server.start(port)) {
            ScriptRun run = startScript(2);

            int exit = run.awaitExit(Duration.ofSeconds(60));

            assertNotEquals(0, exit, run::describe);
            assertEquals(1, exit, run::describe);
            assertEquals(2, wrapper.pulls().size(), () -> "pulls: " + wrapper.calls());
            assertTrue(overloaded.requests() >= 2, "each pull reached the registry: " + overloaded.requests());
            List<String> log = run.stderrLines();
            assertEquals(1, matching(RETRY, log).size(), run::describe);
            assertEquals("0.050", matching(RETRY, log).get(0).group(4));
            List<Matcher> gaveUp = matching(GIVE_UP, log);
            assertEquals(1, gaveUp.size(), run::describe);
            assertEquals("2", gaveUp.get(0).group(1));
            assertEquals("2", gaveUp.get(0).group(4));
            assertFalse(podman.imageExists(image));
        }
    }
}
