package io.github.ignitionassets.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A quick imitation of systemd around an {@code ExecStartPre=} command, for fast tests: start it, send SIGTERM at
 * the start timeout, start it again after the restart delay, until the outage is over. The real systemd 252 runs
 * the same scenario in the real-systemd tests; this one only serves the fast suite.
 *
 * <p>The stand-in {@code podman} it puts first on PATH fails every pull as podman does in an outage (exit 125,
 * "connection refused"), and records the wall-clock time of each pull in nanoseconds.
 */
final class RestartLoop {

    private final Path dir;
    private final Path bin;
    private final Path pulls;

    RestartLoop(Path dir) throws IOException {
        this.dir = dir;
        this.bin = Files.createDirectories(dir.resolve("bin"));
        this.pulls = dir.resolve("pulls");
        Path podman = bin.resolve("podman");
        Files.writeString(podman, """
                #!/bin/sh
                case "$1 ${2:-}" in
                  "image exists") exit 1 ;;
                  "pull --help") exit 0 ;;
                  pull*) echo "$(date +%s%N)" >> PULLS
                         echo "Error: initializing source docker://x: pinging container registry: connection refused" >&2
                         exit 125 ;;
                esac
                exit 0
                """.replace("PULLS", pulls.toString()));
        Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * Runs {@code sh script image} under the loop for {@code outageMs}.
     *
     * @return the pull times in ms from the first start
     */
    List<Long> run(Path script, Map<String, String> env, long timeoutStartMs, long restartMs, long outageMs)
            throws IOException, InterruptedException {
        Files.deleteIfExists(pulls);
        long startWallNanos = System.currentTimeMillis() * 1_000_000;
        long start = System.nanoTime();
        long end = start + outageMs * 1_000_000;
        while (System.nanoTime() < end) {
            ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), "quay.io/org/agent:v1");
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().put("TMPDIR", dir.toString());
            pb.environment().putAll(env);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.redirectError(dir.resolve("stderr").toFile());
            Process p = pb.start();
            long left = Math.min(timeoutStartMs, (end - System.nanoTime()) / 1_000_000);
            if (!p.waitFor(Math.max(left, 0), TimeUnit.MILLISECONDS)) {
                p.destroy(); // SIGTERM, as systemd sends at TimeoutStartSec
                p.waitFor(5, TimeUnit.SECONDS);
            }
            Thread.sleep(restartMs);
        }
        List<Long> times = new ArrayList<>();
        if (Files.exists(pulls)) {
            for (String line : Files.readAllLines(pulls)) {
                long wall = Long.parseLong(line.strip());
                times.add((wall - startWallNanos) / 1_000_000);
            }
        }
        return times;
    }
}
