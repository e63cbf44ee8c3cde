package io.github.ignitionassets.realtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The generated pull script running as the unit runs it: executed directly (its own shebang), one argument. */
final class ScriptRun implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private long exitMillis = -1;

    private ScriptRun(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ScriptRun start(Path script, String image, Map<String, String> env, Path dir) {
        try {
            Path out = dir.resolve("script.stdout");
            Path err = dir.resolve("script.stderr");
            ProcessBuilder pb = new ProcessBuilder(script.toString(), image)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            return new ScriptRun(pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> stderrLines() {
        try {
            return Files.readAllLines(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String describe() {
        try {
            return "--- script stdout\n" + Files.readString(stdout) + "--- script stderr\n" + Files.readString(stderr);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Waits until the script's log satisfies {@code condition}; fails after {@code limit}. */
    void awaitLog(Predicate<List<String>> condition, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.test(stderrLines())) {
            if (!process.isAlive()) {
                throw new AssertionError("script exited (" + process.exitValue() + ") before " + what + "\n" + describe());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + limit + "\n" + describe());
            }
            sleep(20);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the script to exit and returns its exit code; fails after {@code limit}. */
    int awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("script still running after " + limit + "\n" + describe());
            }
            if (exitMillis < 0) {
                exitMillis = System.currentTimeMillis();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** When {@link #awaitExit} saw the script exit (epoch milliseconds). */
    long exitMillis() {
        return exitMillis;
    }

    /** Sends SIGTERM, as systemd does to stop the unit. */
    void terminate() {
        process.destroy();
    }

    /** Descendants still running (for checking that a stopped script left nothing behind). */
    List<ProcessHandle> descendants() {
        return process.descendants().filter(ProcessHandle::isAlive).toList();
    }

    @Override
    public void close() {
        Cmd.kill(process);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
