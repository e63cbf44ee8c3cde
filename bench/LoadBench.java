import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.LoadModel;
import io.github.ignitionassets.backoff.LoadReport;
import io.github.ignitionassets.backoff.RestartPolicy;
import io.github.ignitionassets.script.PullScript;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Registry load of three retry policies in a sustained outage, side by side: the fixed 3 s retry
 * (Restart=always, RestartSec=3), the seed's backoff that resets on every restart, and ours (state file), at
 * TimeoutStartSec 180 and 600; then the fleet peak with jitter 0 and 0.2.
 *
 * Each per-host figure is given twice: from the load model, and measured by running the real scripts under an
 * imitation of systemd's kill-and-restart with time compressed SCALE times (one host-hour in 3600/SCALE s),
 * against a stand-in podman that fails every pull at once. Run with bench/load.sh.
 */
public class LoadBench {

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        boolean real = args.length < 2 || !args[1].equals("--model-only");
        Path work = Files.createTempDirectory("load-bench");
        BackoffSpec ours = BackoffSpec.DEFAULTS;
        BackoffSpec noJitter = withJitter(ours, "0");

        Map<String, Future<Integer>> measured = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        long[] timeouts = {180, 600};
        if (real) {
            for (long t : timeouts) {
                for (String policy : List.of("fixed", "reset", "ours")) {
                    Path dir = Files.createDirectories(work.resolve(policy + t));
                    measured.put(policy + t, pool.submit(() -> runScaled(dir, policy, ours, t * 1000, scale)));
                }
            }
        }
        pool.shutdown();

        System.out.printf(Locale.ROOT, "Attempts per host-hour in a sustained outage (steady state; measured: real scripts, time / %d)%n", scale);
        System.out.printf(Locale.ROOT, "%-16s %-28s %10s %10s %9s%n", "TimeoutStartSec", "policy", "modelled", "measured", "vs ours");
        for (long t : timeouts) {
            RestartPolicy unit = new RestartPolicy(t * 1000, 3000, true);
            LoadReport report = LoadReport.compute(noJitter, unit, 10);
            double oursModel = report.attemptsPerHour();
            Map<String, Double> model = new LinkedHashMap<>();
            model.put("fixed", report.fixedRetryAttemptsPerHour());
            model.put("reset", report.resetOnRestartAttemptsPerHour());
            model.put("ours", oursModel);
            Map<String, String> names = Map.of("fixed", "fixed 3 s retry", "reset", "backoff reset on restart",
                    "ours", "ours (state file)");
            for (String policy : model.keySet()) {
                String m = "-";
                if (real) {
                    m = Integer.toString(measured.get(policy + t).get());
                }
                System.out.printf(Locale.ROOT, "%-16s %-28s %10.1f %10s %8.1fx%n", t + " s", names.get(policy),
                        model.get(policy), m, model.get(policy) / oursModel);
            }
        }
        System.out.println();
        System.out.println("Fleet of 1000 hosts failing from the same second (model, ours, TimeoutStartSec 600):");
        System.out.printf(Locale.ROOT, "%-10s %26s %26s %20s%n", "jitter", "peak attempts/s, hours 1-4", "peak attempts/s, minute 1", "attempts/host-hour");
        for (String j : List.of("0", "0.2")) {
            LoadReport r = LoadReport.compute(withJitter(ours, j), new RestartPolicy(600_000, 3000, true));
            System.out.printf(Locale.ROOT, "%-10s %26d %26d %20.1f%n", j, r.fleetPeakPerSecond(), r.fleetFirstMinutePeakPerSecond(), r.attemptsPerHour());
        }
        System.out.println();
        System.out.println("Registry requests per attempt: 1 with podman 5 (--retry=0), 4 with podman 4 (no flag; it retries 3 times).");
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
    }

    static BackoffSpec withJitter(BackoffSpec s, String jitter) {
        return new BackoffSpec(s.initialDelay(), s.multiplier(), s.maxDelay(), new BigDecimal(jitter), s.maxAttempts(),
                s.attemptTimeout(), s.podmanRetries());
    }

    /**
     * Runs one policy for one compressed host-hour plus a compressed first hour of ramp, and returns the attempts
     * of the second hour, scaled back to one host-hour.
     */
    static int runScaled(Path dir, String policy, BackoffSpec spec, long timeoutStartMs, int scale) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path pulls = dir.resolve("pulls");
        Path podman = bin.resolve("podman");
        Files.writeString(podman, """
                #!/bin/sh
                case "$1 ${2:-}" in
                  "image exists") exit 1 ;;
                  "pull --help") exit 0 ;;
                  pull*) date +%s%N >> PULLS; echo "Error: connection refused" >&2; exit 125 ;;
                esac
                """.replace("PULLS", pulls.toString()));
        Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
        BackoffSpec scaled = new BackoffSpec(spec.initialDelay().dividedBy(scale), spec.multiplier(),
                spec.maxDelay().dividedBy(scale), BigDecimal.ZERO, 0, Duration.ofMinutes(10), 0);
        Path script = dir.resolve("script.sh");
        List<String> command;
        long restartMs = 3000 / scale;
        long windowMs = timeoutStartMs / scale;
        switch (policy) {
            case "ours" -> {
                Files.write(script, PullScript.render("agent-pull-image", scaled, dir.resolve("state").toString()).bytes());
                command = List.of("sh", script.toString(), "quay.io/org/agent:v1");
            }
            case "reset" -> {
                Files.writeString(script, """
                        #!/bin/sh
                        delay_ms=%d
                        until podman pull "$1"; do
                          sleep "$(printf '%%d.%%03d' $((delay_ms / 1000)) $((delay_ms %% 1000)))"
                          delay_ms=$((delay_ms * 2)); if [ "$delay_ms" -gt %d ]; then delay_ms=%d; fi
                        done
                        """.formatted(scaled.initialDelay().toMillis(), scaled.maxDelay().toMillis(), scaled.maxDelay().toMillis()));
                command = List.of("sh", script.toString(), "quay.io/org/agent:v1");
            }
            default -> {
                Files.writeString(script, "#!/bin/sh\nexec podman pull \"$1\"\n");
                command = List.of("sh", script.toString(), "quay.io/org/agent:v1");
                windowMs = Long.MAX_VALUE / 2;
            }
        }
        long hour = 3_600_000L / scale;
        long start = System.currentTimeMillis();
        long end = start + 2 * hour;
        while (System.currentTimeMillis() < end) {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().put("TMPDIR", dir.toString());
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            long left = Math.min(windowMs, end - System.currentTimeMillis());
            if (!p.waitFor(Math.max(left, 0), TimeUnit.MILLISECONDS)) {
                p.destroy();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            Thread.sleep(restartMs);
        }
        int n = 0;
        if (Files.exists(pulls)) {
            for (String line : Files.readAllLines(pulls)) {
                long ms = Long.parseLong(line.strip()) / 1_000_000 - start;
                if (ms >= hour && ms < 2 * hour) {
                    n++;
                }
            }
        }
        return n;
    }
}
