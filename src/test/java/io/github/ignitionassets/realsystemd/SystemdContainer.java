package io.github.ignitionassets.realsystemd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real systemd, booted as PID 1 of a {@code systemd-nspawn} container from the cached Debian bookworm root file
 * system (systemd 252), for as long as this object is open.
 *
 * <p>Boot: the tar file is unpacked into a fresh scratch directory (about 2 s) and booted with
 * {@code systemd-nspawn -q -D ROOT -M NAME --register=no --keep-unit --console=read-only -b}; nspawn's child is the
 * container's PID 1. This host has no D-Bus to reach, so commands run inside with {@code nsenter -t PID1 -a}, not
 * machinectl. The container shares the host's network. {@link #close()} stops it (SIGTERM to nspawn, which halts
 * the container; SIGKILL to both after a grace period), removes nspawn's propagation directory and the scratch
 * directory; a JVM shutdown hook does the same if the test run is cut short.
 *
 * <p>A fleet: {@link #bootFleet(Path, Path, int)} boots many containers at once over one unpacked root, each with
 * {@code --volatile=overlay} (the root read-only under a tmpfs overlay of its own, and its own {@code /run}), so
 * that N hosts cost one unpacked root and about 35 MB of memory each. Their files are then installed through
 * {@code /proc/PID1/root}, which is the container's view, overlay included; the shared root stays untouched.
 */
public final class SystemdContainer implements AutoCloseable {

    /** Where the root file system tar file is cached unless {@code IGNITION_ASSETS_SYSTEMD_ROOTFS} names a file. */
    public static final Path DEFAULT_ROOTFS = Path.of("/var/cache/ignition-assets/systemd252-rootfs.tar");
    /** The Debian packages that provide what this fixture runs. */
    public static final String PACKAGES = "systemd-container debootstrap";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** About what a bookworm container holds: 20 boot within the default limit of 128, 40 do not. */
    private static final int INOTIFY_INSTANCES_PER_HOST = 5;

    /** What a command run in the container did. */
    public record Result(int exitCode, String output) {
        /** The output, after checking the command succeeded. */
        public String ok() {
            Assertions.assertEquals(0, exitCode, () -> "command failed: " + output);
            return output;
        }
    }

    private final String name;
    private final Path scratch;
    private final Path root;
    private final Path nspawnLog;
    private final Process nspawn;
    private final Thread shutdownHook;
    private long pid1;
    private boolean closed;
    private Duration unpackTime;
    private Duration bootTime;

    private SystemdContainer(String name, Path scratch, Path root, Process nspawn) {
        this.name = name;
        this.scratch = scratch;
        this.root = root;
        this.nspawnLog = scratch.resolve("nspawn.log");
        this.nspawn = nspawn;
        this.shutdownHook = new Thread(this::stop, "stop " + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The root file system tar file: {@code IGNITION_ASSETS_SYSTEMD_ROOTFS} or {@link #DEFAULT_ROOTFS}. */
    public static Path rootfsTarball() {
        String env = System.getenv("IGNITION_ASSETS_SYSTEMD_ROOTFS");
        return env == null || env.isBlank() ? DEFAULT_ROOTFS : Path.of(env);
    }

    private static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the test (fails it when {@code CI=true}) with a message naming what to install. */
    private static void require(boolean condition, String what) {
        if (condition) {
            return;
        }
        String message = "real systemd tests need " + what;
        if (onCi()) {
            Assertions.fail(message + " (CI=true, so this fails instead of skipping)");
        }
        System.out.println("[real-systemd] SKIPPED: " + message);
        Assumptions.abort(message + "; skipped");
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", PATH + ":/usr/local/sbin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/usr/bin", tool));
    }

    /**
     * Makes sure the root file system tar file exists, building it with {@code .ci/systemd-rootfs.sh} when it does
     * not (about 35 s to a few minutes, once per machine). Skips or fails as described in the package doc when the
     * tools are missing or we are not root.
     */
    public static Path ensureRootfs() throws IOException, InterruptedException {
        require(System.getProperty("os.name", "").toLowerCase().contains("linux"), "Linux");
        for (String tool : List.of("systemd-nspawn", "nsenter", "tar")) {
            require(onPath(tool), tool + " (apt-get install -y " + PACKAGES + ")");
        }
        require(isRoot(), "root (systemd-nspawn -b boots a container)");
        Path tarball = rootfsTarball();
        if (Files.isRegularFile(tarball) && Files.size(tarball) > 0) {
            return tarball;
        }
        require(onPath("debootstrap"), "debootstrap to build " + tarball + " (apt-get install -y " + PACKAGES + ")");
        Path script = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), ".ci/systemd-rootfs.sh");
        Assertions.assertTrue(Files.isRegularFile(script), "missing " + script);
        System.out.println("[real-systemd] building " + tarball + " with " + script + " (once per machine)");
        long t0 = System.nanoTime();
        Result r = run(List.of("sh", script.toString(), tarball.toString()), Duration.ofMinutes(15));
        Assertions.assertEquals(0, r.exitCode(), () -> script + " failed:\n" + r.output());
        System.out.printf("[real-systemd] rootfs built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return tarball;
    }

    /** Unpacks the cached root file system under {@code parent} and boots it; returns once systemd is up. */
    public static SystemdContainer boot(Path parent) throws IOException, InterruptedException {
        Path tarball = ensureRootfs();
        String name = "ia-sd-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Path scratch = Files.createTempDirectory(parent, name + "-");
        Path root = scratch.resolve("root");
        Files.createDirectory(root);
        long t0 = System.nanoTime();
        run(List.of("tar", "-C", root.toString(), "--numeric-owner", "-xf", tarball.toString()), Duration.ofMinutes(2)).ok();
        Duration unpack = Duration.ofNanos(System.nanoTime() - t0);
        long t1 = System.nanoTime();
        Process p = new ProcessBuilder("setsid", "systemd-nspawn", "-q", "-D", root.toString(), "-M", name,
                "--register=no", "--keep-unit", "--console=read-only", "-b")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(scratch.resolve("nspawn.log").toFile())
                .start();
        SystemdContainer c = new SystemdContainer(name, scratch, root, p);
        c.unpackTime = unpack;
        try {
            c.awaitRunning(t1);
        } catch (Throwable e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Unpacks the cached root file system into {@code dir} (an empty directory), once for a whole fleet. */
    public static Path unpackSharedRoot(Path dir) throws IOException, InterruptedException {
        Path tarball = ensureRootfs();
        Files.createDirectories(dir);
        run(List.of("tar", "-C", dir.toString(), "--numeric-owner", "-xf", tarball.toString()), Duration.ofMinutes(2)).ok();
        return dir;
    }

    /**
     * Boots {@code count} containers together over the one root {@code sharedRoot} (from
     * {@link #unpackSharedRoot(Path)}), each {@code --volatile=overlay}, and returns once every one is up. If one
     * fails to boot, all are stopped before the failure is thrown.
     */
    public static List<SystemdContainer> bootFleet(Path sharedRoot, Path parent, int count)
            throws IOException, InterruptedException {
        ensureRootfs();
        // Every container's systemd, journald and udev take inotify instances, which the kernel counts per user
        // (root) across all containers: past the limit a container hangs in "initializing" ("Too many open files").
        Path limitFile = Path.of("/proc/sys/fs/inotify/max_user_instances");
        if (Files.isReadable(limitFile)) {
            int limit = Integer.parseInt(Files.readAllLines(limitFile).get(0).strip()); // readString stops short on /proc
            int needed = count * INOTIFY_INSTANCES_PER_HOST + 16;
            Assertions.assertTrue(needed <= limit, () -> count + " containers need about " + needed
                    + " inotify instances; fs.inotify.max_user_instances is " + limit
                    + " (sysctl -w fs.inotify.max_user_instances=" + Math.max(needed, 2 * limit) + ")");
        }
        List<SystemdContainer> fleet = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                String name = "ia-sd-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
                Path scratch = Files.createTempDirectory(parent, name + "-");
                Process p = new ProcessBuilder("setsid", "systemd-nspawn", "-q", "-D", sharedRoot.toString(), "-M", name,
                        "--register=no", "--keep-unit", "--console=read-only", "--volatile=overlay", "-b")
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectErrorStream(true)
                        .redirectOutput(scratch.resolve("nspawn.log").toFile())
                        .start();
                SystemdContainer c = new SystemdContainer(name, scratch, null, p);
                c.unpackTime = Duration.ZERO;
                fleet.add(c);
            }
            for (SystemdContainer c : fleet) {
                c.awaitRunning(t0);
            }
        } catch (Throwable e) {
            closeAll(fleet);
            throw e;
        }
        return fleet;
    }

    /** Stops the containers in parallel (each takes about 2 s to halt), every one even if some fail. */
    public static void closeAll(List<SystemdContainer> fleet) {
        List<Thread> stopping = new ArrayList<>();
        for (SystemdContainer c : fleet) {
            Thread t = new Thread(c::close, "stop " + c.name());
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitRunning(long t0) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            if (!nspawn.isAlive()) {
                Assertions.fail("systemd-nspawn exited with " + nspawn.exitValue() + ":\n" + nspawnLog());
            }
            if (pid1 == 0) {
                pid1 = findPid1().orElse(0L);
            }
            if (pid1 != 0) {
                state = exec("systemctl", "is-system-running").output().strip();
                if (state.equals("running") || state.equals("degraded")) {
                    bootTime = Duration.ofNanos(System.nanoTime() - t0);
                    return;
                }
            }
            Thread.sleep(100);
        }
        Assertions.fail("systemd in " + name + " not up after " + BOOT_TIMEOUT + " (last state '" + state + "'):\n"
                + nspawnLog());
    }

    /** The container's PID 1 as the host sees it: the child of systemd-nspawn (setsid execs it in place). */
    private Optional<Long> findPid1() {
        ProcessHandle h = nspawn.toHandle();
        for (int depth = 0; depth < 3; depth++) {
            List<ProcessHandle> kids = h.children().toList();
            if (kids.isEmpty()) {
                return Optional.empty();
            }
            ProcessHandle kid = kids.get(0);
            String comm = comm(kid.pid());
            if (comm.equals("systemd") || comm.equals("init")) {
                return Optional.of(kid.pid());
            }
            h = kid; // setsid forked after all, or nspawn's intermediate child
        }
        return Optional.empty();
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** The machine name, unique per JVM and container. */
    public String name() {
        return name;
    }

    /**
     * The container's root directory as the host sees it: the unpacked root, or for an overlay container its
     * {@code /proc/PID1/root} (the overlay, not the shared root beneath it).
     */
    public Path root() {
        return root != null ? root : Path.of("/proc", Long.toString(pid1), "root");
    }

    /** Unpacking the root file system tar file. */
    public Duration unpackTime() {
        return unpackTime;
    }

    /** From starting systemd-nspawn to {@code is-system-running} saying running or degraded. */
    public Duration bootTime() {
        return bootTime;
    }

    /** Runs a command in the container (all its namespaces, a clean environment), waiting up to 60 s. */
    public Result exec(String... cmd) throws IOException, InterruptedException {
        if (pid1 == 0 || closed) {
            throw new IllegalStateException(name + " is not running");
        }
        List<String> argv = new ArrayList<>(List.of("nsenter", "-t", Long.toString(pid1), "-a",
                "env", "-i", "PATH=" + PATH, "LANG=C.UTF-8", "SYSTEMD_PAGER=", "SYSTEMD_COLORS=0"));
        argv.addAll(List.of(cmd));
        return run(argv, Duration.ofSeconds(60));
    }

    /**
     * Writes a file into the container's file system with the given mode (e.g. "0755"), creating its directories.
     * The root directory is on the host, so this needs no command inside.
     */
    public void install(Path inContainer, byte[] bytes, String mode) throws IOException {
        if (!inContainer.isAbsolute()) {
            throw new IllegalArgumentException("not absolute: " + inContainer);
        }
        Path base = root();
        Path target = base.resolve(inContainer.toString().substring(1)).normalize();
        if (!target.startsWith(base)) {
            throw new IllegalArgumentException("outside the container: " + inContainer);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(rwx(Integer.parseInt(mode, 8))));
    }

    private static String rwx(int mode) {
        String all = "rwxrwxrwx";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            b.append((mode & (1 << (8 - i))) != 0 ? all.charAt(i) : '-');
        }
        return b.toString();
    }

    /** {@code systemctl daemon-reload}, after installing unit files. */
    public void daemonReload() throws IOException, InterruptedException {
        exec("systemctl", "daemon-reload").ok();
    }

    /** {@code systemctl start --no-block UNITS}: queues the start jobs and returns at once. */
    public void startNoBlock(String... units) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("systemctl", "start", "--no-block"));
        cmd.addAll(List.of(units));
        exec(cmd.toArray(String[]::new)).ok();
    }

    /** One property of a unit, from {@code systemctl show -p NAME --value}. */
    public String show(String unit, String property) throws IOException, InterruptedException {
        return exec("systemctl", "show", "-p", property, "--value", unit).ok().strip();
    }

    /** The unit's journal since boot, short-monotonic timestamps. */
    public String journal(String unit) throws IOException, InterruptedException {
        return exec("journalctl", "--no-pager", "-b", "-o", "short-monotonic", "-u", unit).output();
    }

    /** The container's CLOCK_BOOTTIME seconds, as {@code /proc/uptime} (and the podman stand-in) report them. */
    public double uptime() throws IOException, InterruptedException {
        return Double.parseDouble(exec("cat", "/proc/uptime").ok().strip().split("\\s+")[0]);
    }

    /** What systemd-nspawn printed (the container's console). */
    public String nspawnLog() {
        try {
            return Files.readString(nspawnLog);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        try {
            nspawn.destroy(); // SIGTERM: nspawn asks the container's systemd to halt (SIGRTMIN+3)
            if (!nspawn.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("[real-systemd] " + name + " did not stop in " + STOP_GRACE + "; SIGKILL");
                if (pid1 != 0) {
                    ProcessHandle.of(pid1).ifPresent(ProcessHandle::destroyForcibly);
                }
                nspawn.destroyForcibly();
                nspawn.waitFor(10, TimeUnit.SECONDS);
            }
            // PID 1 gone means everything in its PID namespace is gone; wait for that before deleting its files.
            if (pid1 != 0) {
                Optional<ProcessHandle> p1 = ProcessHandle.of(pid1);
                if (p1.isPresent() && comm(pid1).equals("systemd")) {
                    p1.get().destroyForcibly();
                    p1.get().onExit().get(10, TimeUnit.SECONDS);
                }
            }
            System.out.printf("[real-systemd] %s stopped in %d ms (systemd-nspawn exit %d)%n", name,
                    (System.nanoTime() - t0) / 1_000_000, nspawn.exitValue());
        } catch (Exception e) {
            System.err.println("[real-systemd] stopping " + name + ": " + e);
        }
        try {
            // nspawn leaves this behind, and says it will not remove it itself when it is not on a tmpfs.
            run(List.of("rm", "-rf", "--one-file-system", "/run/systemd/nspawn/propagate/" + name), Duration.ofSeconds(30));
            run(List.of("rm", "-rf", "--one-file-system", scratch.toString()), Duration.ofMinutes(2));
        } catch (Exception e) {
            System.err.println("[real-systemd] cleaning up " + name + ": " + e);
        }
    }

    /** Runs a host command, output and errors together, killed after the timeout. */
    static Result run(List<String> argv, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                out[0] = in.readAllBytes();
            } catch (IOException e) {
                out[0] = ("(reading output: " + e + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            reader.join(5000);
            return new Result(-1, "timed out after " + timeout + ": " + String.join(" ", argv) + "\n"
                    + (out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8)));
        }
        reader.join();
        return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
    }
}
