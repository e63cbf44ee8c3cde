package io.github.ignitionassets.realtools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test of the generated script against a registry on loopback stands on: a free port and the image name on
 * it, an isolated podman that trusts that registry, the wrapper that records each podman call, and what the test
 * starts (registries, scripts), closed last first. Closing also kills any pull a script left running, and throws
 * the first failure once everything is closed.
 */
final class PullTestBed {

    final int port;
    final String image;
    final IsolatedPodman podman;
    final PodmanWrapper wrapper;
    private final List<AutoCloseable> started = new ArrayList<>();

    PullTestBed(Path dir) {
        port = Loopback.freePort();
        image = Loopback.HOST + ":" + port + "/test/tiny:1";
        podman = new IsolatedPodman(dir.resolve("podman"), List.of(Loopback.HOST + ":" + port));
        wrapper = new PodmanWrapper(dir.resolve("wrapper"), podman.binary());
    }

    /** Closes {@code resource} with the bed, before what was tracked earlier. */
    <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    /** The environment a script runs in: the isolated podman's, with the wrapper first on PATH. */
    Map<String, String> scriptEnv() {
        Map<String, String> env = new HashMap<>(podman.env());
        env.put("PATH", wrapper.binDir() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    /** Processes whose command line names this bed's image: pulls a script started. */
    List<ProcessHandle> leftoverPulls() {
        return ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains(image)).toList();
    }

    /** Closes what was tracked, last first, kills leftover pulls and removes the isolated podman's storage. */
    void close() throws Exception {
        Throwable first = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception | Error e) {
                first = first == null ? e : first;
            }
        }
        leftoverPulls().forEach(ProcessHandle::destroyForcibly);
        podman.close();
        if (first instanceof Exception e) {
            throw e;
        } else if (first instanceof Error e) {
            throw e;
        }
    }
}
