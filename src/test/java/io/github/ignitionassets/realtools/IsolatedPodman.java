package io.github.ignitionassets.realtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * podman with its own storage, configuration and registries in a scratch directory, so tests never see or touch
 * the machine's images: every podman run (including the script's, through {@link #env()}) gets
 * {@code CONTAINERS_STORAGE_CONF}, {@code CONTAINERS_CONF} and {@code CONTAINERS_REGISTRIES_CONF}. The registries
 * the tests use are plain HTTP on 127.0.0.1 and marked insecure. Closing removes the images and the directory.
 */
final class IsolatedPodman implements AutoCloseable {

    private final Path podman;
    private final Path dir;
    private final Map<String, String> env = new LinkedHashMap<>();

    IsolatedPodman(Path dir, List<String> insecureRegistries) {
        this.podman = RequiredTool.require("podman", "podman");
        RequiredTool.requireRoot("the tests use root podman with scratch storage");
        this.dir = dir;
        try {
            Files.createDirectories(dir.resolve("tmp"));
            Files.createDirectories(dir.resolve("networks"));
            Files.writeString(dir.resolve("containers.conf"), """
                    [engine]
                    tmp_dir = "%s"
                    events_logger = "none"
                    [network]
                    network_config_dir = "%s"
                    """.formatted(dir.resolve("tmp"), dir.resolve("networks")));
            StringBuilder registries = new StringBuilder("unqualified-search-registries = []\n");
            for (String r : insecureRegistries) {
                if (!r.startsWith(Loopback.HOST + ":")) {
                    throw new IllegalArgumentException("loopback registries only: " + r);
                }
                registries.append("\n[[registry]]\nlocation = \"").append(r).append("\"\ninsecure = true\n");
            }
            Files.writeString(dir.resolve("registries.conf"), registries);
            env.put("CONTAINERS_CONF", dir.resolve("containers.conf").toString());
            env.put("CONTAINERS_REGISTRIES_CONF", dir.resolve("registries.conf").toString());
            env.put("CONTAINERS_STORAGE_CONF", dir.resolve("storage.conf").toString());
            env.put("TMPDIR", dir.resolve("tmp").toString());
            writeStorageConf("overlay");
            Cmd.Result info = podman("info", "--format", "{{.Store.GraphDriverName}}");
            if (info.exit() != 0) { // e.g. overlay on overlay inside a container: vfs always works
                deleteTree(dir.resolve("storage"));
                writeStorageConf("vfs");
                info = podman("info", "--format", "{{.Store.GraphDriverName}}");
                if (info.exit() != 0) {
                    throw new AssertionError("podman cannot use scratch storage: " + info.describe());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeStorageConf(String driver) throws IOException {
        Files.writeString(dir.resolve("storage.conf"), """
                [storage]
                driver = "%s"
                graphroot = "%s"
                runroot = "%s"
                """.formatted(driver, dir.resolve("storage/graph"), dir.resolve("storage/run")));
    }

    /** The environment that points podman at this scratch setup. */
    Map<String, String> env() {
        return Map.copyOf(env);
    }

    Path binary() {
        return podman;
    }

    Cmd.Result podman(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(podman.toString());
        cmd.addAll(List.of(args));
        return Cmd.run(Duration.ofSeconds(60), env, cmd);
    }

    Cmd.Result podmanOk(String... args) {
        Cmd.Result r = podman(args);
        if (r.exit() != 0) {
            throw new AssertionError(r.describe());
        }
        return r;
    }

    /** A tiny image (one small file) made by {@code podman import}, tagged {@code reference}. */
    void importTinyImage(String reference) {
        importTinyImage(reference, "hello from a tiny test image\n");
    }

    /** A tiny image whose one file holds {@code text}: another text, another image. */
    void importTinyImage(String reference, String text) {
        try {
            Path content = Files.createDirectories(dir.resolve("image-content"));
            Files.writeString(content.resolve("hello.txt"), text);
            Path tar = dir.resolve("tiny.tar");
            Cmd.Result t = Cmd.run(Duration.ofSeconds(30), Map.of(), "tar", "-C", content.toString(), "-cf", tar.toString(), ".");
            if (t.exit() != 0) {
                throw new AssertionError(t.describe());
            }
            podmanOk("import", "--quiet", tar.toString(), reference);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image ID local storage has under {@code reference}. */
    String imageId(String reference) {
        return podmanOk("image", "inspect", "--format", "{{.Id}}", reference).stdout().strip();
    }

    boolean imageExists(String reference) {
        return podman("image", "exists", reference).exit() == 0;
    }

    @Override
    public void close() {
        try {
            podman("rmi", "--all", "--force");
        } finally {
            unmountUnder(dir);
            deleteTree(dir);
        }
    }

    /**
     * The overlay driver bind-mounts its directory onto itself, and a podman killed mid-pull may leave that (or a
     * layer) mounted; a mounted directory cannot be deleted, so unmount whatever is still mounted under ours.
     */
    static void unmountUnder(Path root) {
        String prefix = root.toAbsolutePath().normalize() + "/";
        List<String> mounts = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] f = line.split(" ");
                String point = f[4].replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
                        .replace("\\134", "\\");
                if ((point + "/").startsWith(prefix)) {
                    mounts.add(point);
                }
            }
        } catch (IOException e) {
            return; // no mount table: nothing we could unmount either
        }
        mounts.sort(Comparator.comparingInt(String::length).reversed());
        for (String m : mounts) {
            if (Cmd.run(Duration.ofSeconds(30), Map.of(), "umount", m).exit() != 0) {
                Cmd.run(Duration.ofSeconds(30), Map.of(), "umount", "-l", m);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + root, e);
        }
    }
}
