package io.github.ignitionassets.realtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real registry (Debian package docker-registry, distribution v2) on 127.0.0.1:port, storing into a scratch
 * directory that outlives it, so a registry stopped and started again on the same port still has its images.
 */
final class LocalRegistry implements AutoCloseable {

    static final String BINARY = "docker-registry";

    private final Process process;
    private final int port;
    private final Path log;

    private LocalRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the registry and returns once it answers {@code GET /v2/} with 200. */
    static LocalRegistry start(Path dir, int port) {
        return start(dir, port, null);
    }

    /**
     * Starts the registry requiring basic auth with an htpasswd line ({@code user:bcrypt-hash}), or none when
     * {@code null}; returns once it answers {@code GET /v2/} (401 when it requires auth).
     */
    static LocalRegistry start(Path dir, int port, String htpasswd) {
        Path binary = RequiredTool.require(BINARY, "docker-registry");
        try {
            Path storage = Files.createDirectories(dir.resolve("storage"));
            Path config = dir.resolve("config.yml");
            String auth = "";
            if (htpasswd != null) {
                Path users = Files.writeString(dir.resolve("htpasswd"), htpasswd + "\n");
                auth = """
                        auth:
                          htpasswd:
                            realm: test
                            path: %s
                        """.formatted(users);
            }
            Files.writeString(config, """
                    version: 0.1
                    log:
                      level: warn
                    storage:
                      filesystem:
                        rootdirectory: %s
                      delete:
                        enabled: true
                    http:
                      addr: 127.0.0.1:%d
                    """.formatted(storage, port) + auth);
            Path log = dir.resolve("registry-" + System.nanoTime() + ".log");
            Process p = new ProcessBuilder(binary.toString(), "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            LocalRegistry r = new LocalRegistry(p, port, log);
            try {
                r.awaitReady(Duration.ofSeconds(15), htpasswd == null ? 200 : 401);
            } catch (RuntimeException | Error e) {
                r.close();
                throw e;
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String host() {
        return Loopback.HOST + ":" + port;
    }

    private void awaitReady(Duration limit, int readyStatus) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("docker-registry exited with " + process.exitValue() + ": " + readLog());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == readyStatus) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("docker-registry did not answer on " + host() + " within " + limit + ": " + readLog());
    }

    String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the registry and waits until nothing listens on its port. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                Cmd.kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Cmd.kill(process);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Loopback.listening(port) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
