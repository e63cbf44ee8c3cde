package io.github.ignitionassets.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.DurationText;
import io.github.ignitionassets.backoff.LoadModel;
import io.github.ignitionassets.backoff.RestartPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real script, run by sh with real sleeps, under a quick imitation of systemd's restarts (the real systemd
 * runs the same scenario in the real-systemd tests). Millisecond-scale delays stand for the seconds of production.
 */
@Tag("slow")
class RestartLoopTest {

    /**
     * A start window as long as maxDelay below, down 200 ms in every second. An attempt due while the unit is down
     * waits a whole delay for its next slot, so the count hangs on which side of a restart each one falls; with these
     * timings it moves by at most 2 for attempts that cost this machine 0 to 120 ms (the model, over that range).
     */
    private static final long TIMEOUT_START_MS = 800;
    private static final long RESTART_MS = 200;
    private static final long OUTAGE_MS = 12_000;

    @TempDir
    Path dir;

    private static BackoffSpec spec(String initial, String max, String jitter, int maxAttempts) {
        return new BackoffSpec(DurationText.parse(initial), BigDecimal.valueOf(2), DurationText.parse(max),
                new BigDecimal(jitter), maxAttempts, Duration.ofSeconds(10), 0);
    }

    private Path script(BackoffSpec spec, Path stateDir) throws IOException {
        Path script = Files.createTempFile(dir, "pull", ".sh");
        Files.write(script, PullScript.render("agent-pull-image", spec, stateDir.toString()).bytes());
        return script;
    }

    @Test
    void keepsThePromisedRateWhereTheSeedStartsOverAtEveryRestart() throws Exception {
        BackoffSpec spec = spec("100ms", "800ms", "0", 0);
        RestartLoop loop = new RestartLoop(dir);
        List<Long> ours = loop.run(script(spec, dir.resolve("state")), Map.of(), TIMEOUT_START_MS, RESTART_MS, OUTAGE_MS);

        Path seed = dir.resolve("seed.sh");
        try (InputStream in = RestartLoopTest.class.getResourceAsStream("/seed/seed-pull-image.sh")) {
            Files.write(seed, in.readAllBytes());
        }
        List<Long> theirs = loop.run(seed, Map.of("INITIAL_MS", "100", "MAX_MS", "800"), TIMEOUT_START_MS, RESTART_MS, OUTAGE_MS);

        // outage / maxDelay, plus the ramp: attempts at 0, 0.1, 0.3 and 0.7 s before the delay reaches the cap. That is
        // the most the state file allows; slots that fall while the unit is down are skipped, so ours makes fewer.
        double promised = (OUTAGE_MS - 700) / 800.0 + 4;
        long[] modelled = new LoadModel(spec, new RestartPolicy(TIMEOUT_START_MS, RESTART_MS, true), 0)
                .attemptTimes(LoadModel.Policy.STATE_FILE, OUTAGE_MS, new Random(1));
        long[] seedModelled = new LoadModel(spec, new RestartPolicy(TIMEOUT_START_MS, RESTART_MS, true), 0)
                .attemptTimes(LoadModel.Policy.RESET_ON_RESTART, OUTAGE_MS, new Random(1));
        System.out.printf("restart loop, %d s outage, TimeoutStartSec %d ms, RestartSec %d ms: ours %d pulls"
                        + " (promised %.1f, modelled %d), seed %d pulls (modelled %d), ratio %.2f%n",
                OUTAGE_MS / 1000, TIMEOUT_START_MS, RESTART_MS, ours.size(), promised, modelled.length, theirs.size(),
                seedModelled.length, theirs.size() / (double) ours.size());

        assertTrue(ours.size() <= promised, "ours " + ours.size() + " against outage/maxDelay + ramp " + promised);
        assertWithin(modelled.length, ours.size(), 0.30, "ours against the load model");
        assertWithin(seedModelled.length, theirs.size(), 0.30, "the seed against the load model");
        assertTrue(theirs.size() > 1.8 * ours.size(), "seed " + theirs.size() + " vs ours " + ours.size());
    }

    @Test
    void modelPredictsTheAttemptTimesOfTheRealScript() throws Exception {
        BackoffSpec spec = spec("250ms", "1s", "0", 0);
        RestartLoop loop = new RestartLoop(dir);
        // Calibrate: what one failed attempt costs on this machine (process start-up, the stand-in, timer slack),
        // from a run without restarts; the model takes it as the time a failed attempt takes.
        List<Long> alone = loop.run(script(spec("250ms", "1s", "0", 5), dir.resolve("calibration")), Map.of(),
                60_000, 0, 3_200);
        assertEquals(5, alone.size(), "calibration run: " + alone);
        long overhead = Math.max(0, (alone.get(4) - alone.get(0) - (250 + 500 + 1000 + 1000)) / 4);

        // A start every 3.3 s, down 1.1 s of it: the attempts due at about 3 s and 6.2 s fall while the unit is down,
        // so each waits for its next slot, a whole delay later. The timings keep every attempt at least 200 ms from
        // the edges of a start, so that the few tens of milliseconds this machine adds do not move one across.
        List<Long> measured = loop.run(script(spec, dir.resolve("state")), Map.of(), 2_200, 1_100, 10_000);
        long[] modelled = new LoadModel(spec, new RestartPolicy(2_200, 1_100, true), overhead)
                .attemptTimes(LoadModel.Policy.STATE_FILE, 10_000, new Random(1));
        System.out.println("per-attempt overhead " + overhead + " ms; modelled attempt times (ms): "
                + java.util.Arrays.toString(modelled) + "; measured: " + measured);
        assertWithin(modelled.length, measured.size(), 0.15, "attempt count");
        int n = Math.min(modelled.length, measured.size());
        long drift = 0;
        for (int i = 0; i < n; i++) {
            drift += Math.abs(measured.get(i) - modelled[i]);
        }
        assertTrue(drift / n <= 350, "mean drift " + drift / n + " ms between modelled and measured attempt times");
    }

    @Test
    void twentyHostsThatFailTogetherDriftApartWithJitter() throws Exception {
        double lockstep = spreadOfLastAttempt(spec("500ms", "2s", "0", 6));
        double jittered = spreadOfLastAttempt(spec("500ms", "2s", "0.5", 6));
        System.out.printf("20 scripts started together: 6th attempt spread %.0f ms without jitter, %.0f ms with jitter 0.5%n",
                lockstep, jittered);
        assertTrue(jittered > 1_000, "jittered spread " + jittered);
        // Without jitter the spread is only scheduling noise, which grows with the machine's load; with it, the
        // spread is the jitter's (about 3.5 s expected for 20 hosts here).
        assertTrue(jittered > 2 * lockstep, "jittered " + jittered + " vs lockstep " + lockstep);
    }

    /** Starts 20 scripts at once, each with its own state directory; returns the spread of their last attempt. */
    private double spreadOfLastAttempt(BackoffSpec spec) throws Exception {
        Path run = Files.createTempDirectory(dir, "fleet");
        new RestartLoop(run); // writes the stand-in podman that each host copies
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int host = 0; host < 20; host++) {
            Path hostDir = Files.createDirectories(run.resolve("host" + host));
            Path log = hostDir.resolve("pulls");
            Path podman = Files.createDirectories(hostDir.resolve("bin")).resolve("podman");
            Files.writeString(podman, Files.readString(run.resolve("bin/podman")).replace(run.resolve("pulls").toString(), log.toString()));
            podman.toFile().setExecutable(true);
            ProcessBuilder pb = new ProcessBuilder("sh", script(spec, hostDir.resolve("state")).toString(), "quay.io/org/agent:v1");
            pb.environment().put("PATH", podman.getParent() + ":" + System.getenv("PATH"));
            pb.environment().put("TMPDIR", hostDir.toString());
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            processes.add(pb.start());
            logs.add(log);
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
        }
        List<Long> last = new ArrayList<>();
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log);
            assertEquals(6, lines.size());
            last.add(Long.parseLong(lines.get(5).strip()) / 1_000_000);
        }
        return Collections.max(last) - Collections.min(last);
    }

    private static void assertWithin(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * expected,
                what + ": expected " + expected + " within " + (int) (tolerance * 100) + "%, got " + actual);
    }
}
