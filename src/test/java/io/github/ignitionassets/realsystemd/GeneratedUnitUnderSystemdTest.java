package io.github.ignitionassets.realsystemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.core.PomElement;
import io.github.ignitionassets.generate.AssetGenerator;
import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.GeneratedAssets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated unit and pull script under a real systemd 252 during a registry outage, next to "the seed's policy"
 * (the hand-written doubling loop that shipped before the plugin, {@code /seed/seed-pull-image.sh}, whose state
 * is a shell variable), both under the same built-in unit (Restart=always, RestartSec=3, TimeoutStartSec=3 here)
 * in one container, at the same time.
 *
 * <p>What this asserts: systemd kills the pull step at TimeoutStartSec and starts it again RestartSec later (both
 * units alike); the seed starts its backoff over at each start, so each start makes the attempts at 0, 0.5 and
 * 1.5 s that {@link BackoffModel} predicts; the generated script keeps its schedule in a state file under /run
 * ({@link #OURS_KEEPS_STATE}), so after a restart its attempts stay maxDelay apart and it makes fewer than the seed.
 * Both checks are reusable and each is shown to reject the other behaviour.
 */
@Tag("real-systemd")
@Timeout(value = 20, unit = TimeUnit.MINUTES) // a first run may build the root file system
class GeneratedUnitUnderSystemdTest {

    private static final String IMAGE = "localhost:5000/test/tiny:1";
    private static final String OURS = "agent.service";
    private static final String OURS_SCRIPT = "/usr/local/bin/agent-pull-image";
    private static final String SEED = "seed.service";
    private static final String SEED_SCRIPT = "/usr/local/bin/seed-pull-image";
    /** The seed script itself; {@link #SEED_SCRIPT} is a wrapper that gives it our schedule and execs it. */
    private static final String SEED_REAL = "/usr/local/lib/seed/seed-pull-image.sh";
    private static final String CALL_LOG = "/var/log/podman-calls.log";
    /**
     * Whether the generated script keeps its backoff state across restarts (a state file under
     * {@link GenerateRequest#DEFAULT_STATE_DIRECTORY}). False asserts the seed's reset-on-restart behaviour for ours.
     */
    private static final boolean OURS_KEEPS_STATE = true;

    /** The spec under test, and the built-in unit's fixed RestartSec=3. */
    private static final BackoffModel MODEL = new BackoffModel(500, 2, 2000, 3000, 3000);
    private static final Map<String, String> BACKOFF = Map.of(
            "initialDelay", "500ms",
            "multiplier", "2",
            "maxDelay", "2s",
            "jitter", "0",
            "maxAttempts", "0",
            "attemptTimeout", "10s");
    private static final long OBSERVE_MS = 27_000;
    /** How much later than the model a restart or an attempt may come on a busy 2-core machine. */
    private static final double SLACK_S = 1.5;

    private static SystemdContainer container;
    private static PodmanCalls calls;
    private static double observedUntil;
    private static Map<String, String> ourProps;
    private static Map<String, String> seedProps;
    private static String ourJournal;
    private static String seedJournal;
    private static String ourUnitText;
    private static String ourState;

    @BeforeAll
    static void runBothThroughAnOutage(@TempDir Path tmp) throws Exception {
        GeneratedAssets ours = generate(tmp, OURS, OURS_SCRIPT);
        GeneratedAssets seed = generate(tmp, SEED, SEED_SCRIPT);
        ourUnitText = ours.unit().text();

        container = SystemdContainer.boot(tmp);
        System.out.printf("[real-systemd] %s: %s; rootfs unpacked in %d ms, booted in %d ms%n", container.name(),
                container.exec("systemctl", "--version").ok().lines().findFirst().orElse("?"),
                container.unpackTime().toMillis(), container.bootTime().toMillis());

        container.install(Path.of("/usr/local/bin/podman"), resource("podman-outage.sh"), "0755");
        container.install(Path.of(OURS_SCRIPT), ours.script().bytes(), "0755");
        container.install(Path.of("/etc/systemd/system", OURS), ours.unit().bytes(), "0644");
        container.install(Path.of(SEED_REAL), resource("/seed/seed-pull-image.sh"), "0755");
        container.install(Path.of(SEED_SCRIPT), seedWrapper(), "0755");
        container.install(Path.of("/etc/systemd/system", SEED), seed.unit().bytes(), "0644");
        container.daemonReload();

        container.startNoBlock(OURS, SEED);
        Thread.sleep(OBSERVE_MS);

        observedUntil = container.uptime();
        // One command, so that the call log and the state file are read at (nearly) the same moment.
        String[] snapshot = container.exec("sh", "-c", "cat " + CALL_LOG + "; echo '%%'; cat "
                + GenerateRequest.DEFAULT_STATE_DIRECTORY + "/*.state 2>&1").ok().split("%%\n", 2);
        String callLog = snapshot[0];
        ourState = snapshot[1];
        calls = PodmanCalls.parse(callLog);
        ourProps = props(OURS);
        seedProps = props(SEED);
        ourJournal = container.journal(OURS);
        seedJournal = container.journal(SEED);
        container.exec("systemctl", "stop", "--no-block", OURS, SEED);
        keep("podman-calls.log", callLog);
        keep(OURS + ".state", ourState);
        keep(OURS + ".journal", ourJournal);
        keep(SEED + ".journal", seedJournal);

        report();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.close();
        }
    }

    private static GeneratedAssets generate(Path tmp, String unit, String script) throws Exception {
        return AssetGenerator.generate(new GenerateRequest(tmp, IMAGE, null, false, PomElement.of("backoff", BACKOFF), unit, script, null,
                null, Long.toString(MODEL.timeoutStartMs() / 1000), GenerateRequest.DEFAULT_IGNITION_VERSION,
                tmp.resolve("out-" + unit), GenerateRequest.DEFAULT_CONFIG_NAME));
    }

    /** Keeps what the run saw in target/real-systemd/, for whoever reads a failure. */
    private static void keep(String name, String text) throws IOException {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "real-systemd");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GeneratedUnitUnderSystemdTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /** Runs the seed with our initial delay and cap (it always doubles), as the same process: exec. */
    private static byte[] seedWrapper() {
        assertEquals(2, MODEL.multiplier(), "the seed only doubles");
        return ("#!/bin/sh\nINITIAL_MS=" + MODEL.initialDelayMs() + " MAX_MS=" + MODEL.maxDelayMs()
                + " exec " + SEED_REAL + " \"$@\"\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> props(String unit) throws Exception {
        var out = new java.util.TreeMap<String, String>();
        for (String p : List.of("NRestarts", "ActiveState", "SubState", "Result", "RestartUSec", "TimeoutStartUSec")) {
            out.put(p, container.show(unit, p));
        }
        return out;
    }

    private static void report() {
        System.out.printf("[real-systemd] observed %.1f s; model: %d attempts per start at %s ms, restart every >= %d ms%n",
                OBSERVE_MS / 1000.0, MODEL.attemptsPerStart(), MODEL.offsetsInOneStart(), MODEL.minCycleMs());
        System.out.printf("[real-systemd] %-28s %-14s %-14s%n", "", "ours (" + OURS + ")", "seed (" + SEED + ")");
        row("pull attempts", calls.countAttempts(OURS), calls.countAttempts(SEED));
        row("starts of the pull step", calls.starts(OURS).size(), calls.starts(SEED).size());
        row("NRestarts", ourProps.get("NRestarts"), seedProps.get("NRestarts"));
        row("attempts per start", perStart(OURS), perStart(SEED));
        row("s between starts", intervals(OURS), intervals(SEED));
        row("state at the end", ourProps.get("ActiveState") + "/" + ourProps.get("SubState"),
                seedProps.get("ActiveState") + "/" + seedProps.get("SubState"));
        System.out.printf("[real-systemd] ours' state file at the end: %s%n", ourState.strip().replace('\n', ' '));
    }

    private static void row(String what, Object ours, Object seed) {
        System.out.printf("[real-systemd] %-28s %-14s %-14s%n", what, ours, seed);
    }

    private static List<Integer> perStart(String unit) {
        return calls.windows(unit, observedUntil).stream().map(w -> w.pulls().size()).toList();
    }

    private static List<String> intervals(String unit) {
        return calls.restartIntervals(unit).stream().map(d -> String.format("%.2f", d)).toList();
    }

    // ---- what is true of both today ----

    @Test
    void systemdRestartsBothEveryTimeoutStartSecPlusRestartSec() {
        for (String unit : List.of(OURS, SEED)) {
            assertRestartsEveryTimeoutPlusRestartSec(unit, unit.equals(OURS) ? ourProps : seedProps);
        }
    }

    @Test
    void theSeedStartsItsScheduleOverOnEveryRestart() {
        assertScheduleStartsOverOnEveryStart(SEED);
        assertThrows(AssertionError.class, () -> assertScheduleCarriesOverRestarts(SEED));
    }

    /**
     * With {@link #OURS_KEEPS_STATE} the schedule carries over restarts and the state file agrees with the call log;
     * without it, ours is held to the seed's reset-on-restart behaviour.
     */
    @Test
    void oursFollowsItsStatePolicyAcrossRestarts() {
        if (OURS_KEEPS_STATE) {
            assertScheduleCarriesOverRestarts(OURS);
            assertThrows(AssertionError.class, () -> assertScheduleStartsOverOnEveryStart(OURS));
            // The state file counts the same attempts as the stand-in saw (it is written just before each pull).
            int attempts = calls.countAttempts(OURS);
            assertTrue(ourState.contains("attempt=" + attempts + "\n") || ourState.contains("attempt=" + (attempts + 1) + "\n"),
                    "state file after " + attempts + " attempts:\n" + ourState);
            assertTrue(ourState.contains("delay_ms=" + MODEL.maxDelayMs() + "\n"), ourState);
        } else {
            assertScheduleStartsOverOnEveryStart(OURS);
            assertThrows(AssertionError.class, () -> assertScheduleCarriesOverRestarts(OURS));
        }
    }

    @Test
    void theGeneratedScriptLogsEachFailedAttemptToTheJournal() {
        assertTrue(ourJournal.contains("attempt 1 failed (exit 125: Error: initializing source"), ourJournal);
        assertTrue(ourJournal.contains("connect: connection refused); next attempt in 0.500s"), ourJournal);
        assertTrue(ourJournal.contains("next attempt in 1.000s"), ourJournal);
        assertTrue(ourJournal.contains("start-pre operation timed out. Terminating."), ourJournal);
        assertFalse(seedJournal.isBlank(), "seed journal");
        assertTrue(ourUnitText.contains("TimeoutStartSec=3\n") && ourUnitText.contains("RestartSec=3\n"), ourUnitText);
        assertEquals("3s", ourProps.get("TimeoutStartUSec"));
        assertEquals("3s", ourProps.get("RestartUSec"));
    }

    // ---- reusable checks ----

    /** systemd killed the step at TimeoutStartSec and started it again RestartSec later, and counted it. */
    static void assertRestartsEveryTimeoutPlusRestartSec(String unit, Map<String, String> props) {
        List<Double> starts = calls.starts(unit);
        List<Double> intervals = calls.restartIntervals(unit);
        double observed = observedUntil - starts.get(0);
        double min = MODEL.minCycleMs() / 1000.0;
        // At least one start per (cycle + slack), at most one per cycle.
        int fewest = (int) Math.floor(observed / (min + SLACK_S)) + 1;
        int most = (int) Math.floor(observed / min) + 1;
        assertTrue(starts.size() >= fewest && starts.size() <= most,
                unit + ": " + starts.size() + " starts in " + observed + " s, expected " + fewest + ".." + most);
        for (double d : intervals) {
            assertTrue(d >= min - 0.05 && d <= min + SLACK_S, unit + ": starts " + intervals + " s apart");
        }
        int restarts = Integer.parseInt(props.get("NRestarts"));
        assertTrue(restarts == starts.size() - 1 || restarts == starts.size(),
                unit + ": NRestarts " + restarts + " for " + starts.size() + " starts");
        assertEquals("activating", props.get("ActiveState"), unit + " " + props);
    }

    /**
     * Each whole start window has exactly the model's attempts, spaced by initialDelay, initialDelay*multiplier, ...
     * (each gap up to SLACK_S late), and the total is what a reset-on-restart schedule predicts for the run.
     */
    static void assertScheduleStartsOverOnEveryStart(String unit) {
        List<PodmanCalls.Window> windows = calls.windows(unit, observedUntil);
        assertTrue(windows.size() >= 2, unit + ": no restart seen: " + windows);
        List<Long> delays = MODEL.delays(MODEL.attemptsPerStart());
        for (PodmanCalls.Window w : windows) {
            if (w.complete()) {
                assertEquals(MODEL.attemptsPerStart(), w.pulls().size(), unit + ": attempts in " + w);
            } else {
                long elapsed = Math.round((w.end() - w.start()) * 1000);
                int upTo = MODEL.attemptsWithin(elapsed + 1);
                int from = MODEL.attemptsWithin(Math.max(0, elapsed - Math.round(SLACK_S * 1000)));
                assertTrue(w.pulls().size() >= from && w.pulls().size() <= upTo,
                        unit + ": " + w.pulls().size() + " attempts in the last window, expected " + from + ".." + upTo + ": " + w);
            }
            List<Double> gaps = w.gaps();
            for (int i = 0; i < gaps.size(); i++) {
                double expected = delays.get(i) / 1000.0;
                double g = gaps.get(i);
                assertTrue(g >= expected - 0.02 && g <= expected + SLACK_S,
                        unit + ": gap " + (i + 1) + " is " + g + " s, expected about " + expected + " s: " + w);
            }
        }
        long observedMs = Math.round((observedUntil - windows.get(0).start()) * 1000);
        int most = MODEL.attemptsOver(observedMs, MODEL.minCycleMs());
        int fewest = MODEL.attemptsOver(Math.max(0, observedMs - Math.round(SLACK_S * 1000)),
                MODEL.minCycleMs() + Math.round(SLACK_S * 1000));
        int count = calls.countAttempts(unit);
        assertTrue(count >= fewest && count <= most,
                unit + ": " + count + " attempts in " + observedMs + " ms, reset-on-restart predicts " + fewest + ".." + most);
    }

    /**
     * The opposite of {@link #assertScheduleStartsOverOnEveryStart(String)}: the schedule goes on across restarts.
     * In a steady outage the first start already reaches maxDelay (0.5 s, 1 s, then 2 s), so after a restart no two
     * attempts may come closer than maxDelay, and the unit makes fewer attempts than the seed, which ran beside it.
     */
    static void assertScheduleCarriesOverRestarts(String unit) {
        List<PodmanCalls.Window> windows = calls.windows(unit, observedUntil);
        assertTrue(windows.size() >= 2, unit + ": no restart seen: " + windows);
        double max = MODEL.maxDelayMs() / 1000.0;
        for (PodmanCalls.Window w : windows.subList(1, windows.size())) {
            for (double g : w.gaps()) {
                assertTrue(g >= max - 0.02, unit + ": a gap of " + g + " s after a restart; the schedule started over: " + w);
            }
        }
        int count = calls.countAttempts(unit);
        int seed = calls.countAttempts(SEED);
        assertTrue(count < seed, unit + ": " + count + " attempts, the seed (resetting on restart) " + seed);
    }

    /**
     * The load model, given the unit's timing as systemd really applied it (the measured time between starts), predicts
     * both units' attempt counts within 30 %: the same model that writes the build's load report.
     */
    @Test
    void loadModelPredictsWhatSystemdMeasured() {
        List<PodmanCalls.Window> windows = calls.windows(OURS, observedUntil);
        long observedMs = Math.round((observedUntil - windows.get(0).start()) * 1000);
        double cycleS = calls.restartIntervals(OURS).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        long timeoutMs = MODEL.timeoutStartMs();
        var unit = new io.github.ignitionassets.backoff.RestartPolicy(timeoutMs, Math.round(cycleS * 1000) - timeoutMs, true);
        var spec = new io.github.ignitionassets.backoff.BackoffSpec(java.time.Duration.ofMillis(MODEL.initialDelayMs()),
                java.math.BigDecimal.valueOf(2), java.time.Duration.ofMillis(MODEL.maxDelayMs()), java.math.BigDecimal.ZERO,
                0, java.time.Duration.ofSeconds(10), 0);
        var model = new io.github.ignitionassets.backoff.LoadModel(spec, unit, 0);
        int oursModelled = model.attemptTimes(io.github.ignitionassets.backoff.LoadModel.Policy.STATE_FILE, observedMs,
                new java.util.Random(1)).length;
        int seedModelled = model.attemptTimes(io.github.ignitionassets.backoff.LoadModel.Policy.RESET_ON_RESTART, observedMs,
                new java.util.Random(1)).length;
        int ours = calls.countAttempts(OURS);
        int seed = calls.countAttempts(SEED);
        System.out.printf("[real-systemd] %d ms under systemd 252, a start every %.2f s: ours %d attempts (model %d),"
                + " seed %d (model %d); seed/ours measured %.2f, modelled %.2f%n", observedMs, cycleS, ours, oursModelled,
                seed, seedModelled, seed / (double) ours, seedModelled / (double) oursModelled);
        assertTrue(Math.abs(ours - oursModelled) <= 0.3 * oursModelled, "ours " + ours + " vs model " + oursModelled);
        assertTrue(Math.abs(seed - seedModelled) <= 0.3 * seedModelled, "seed " + seed + " vs model " + seedModelled);
    }
}
