package io.github.ignitionassets.realsystemd;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.FleetWindow;
import io.github.ignitionassets.backoff.LoadModel;
import io.github.ignitionassets.backoff.LoadReport;
import io.github.ignitionassets.backoff.RestartPolicy;
import io.github.ignitionassets.core.PomElement;
import io.github.ignitionassets.generate.AssetGenerator;
import io.github.ignitionassets.generate.ConfigOptions;
import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.GeneratedAssets;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One run of a fleet that booted together through a registry outage, shared by {@link RealFleetTest} and
 * {@code bench/FleetBench.java}: {@link Config#hosts()} real systemd hosts over one read-only root
 * ({@link SystemdContainer#bootFleet}), each running the generated unit ({@code agent.service}) and, under the same
 * built-in unit, the seed's policy ({@code seed.service}), against one {@link CountingRegistry}. All hosts are booted
 * before the outage starts; then every host starts both units at the same instant, and the registry counts every
 * request. Every container is stopped and the shared root removed before {@link #run} returns, failed or not.
 *
 * <p>podman is a stand-in ({@code podman-registry.sh}, one HTTP request per pull, failing as podman does on 503):
 * the root has no podman. The real podman against a real registry is proven in {@code realtools}.
 */
public final class FleetRun {

    /**
     * What to run.
     *
     * @param restartMs    RestartSec; the built-in unit's is 3 s, anything else goes in as a drop-in
     * @param rampMs       requests before this are not counted
     * @param steadyFromMs a second, later window for the peak: a fleet started together is still bunched some
     *                     seconds after the ramp (see {@link RealFleetTest})
     */
    public record Config(String title, int hosts, long timeoutStartMs, long restartMs, long initialMs, long maxMs,
                         String jitter, long observeMs, long rampMs, long steadyFromMs) {

        /** The fleet: TimeoutStartSec=20, RestartSec=3, 250 ms doubling to 4 s, so most restarts find an attempt overdue. */
        public static Config nearTheCap(int hosts) {
            return new Config("TimeoutStartSec=20, RestartSec=3, 250 ms doubling to 4 s, jitter 0.2", hosts, 20_000,
                    3_000, 250, 4_000, "0.2", 60_000, 10_000, 30_000);
        }

        /** The plugin's defaults (TimeoutStartSec 600, RestartSec 3, 5 s doubling to 300 s) with time divided by {@code scale}. */
        public static Config defaultsScaledDown(int hosts, int scale) {
            return new Config("defaults / " + scale + ": TimeoutStartSec=" + 600 / scale + ", RestartSec=" + 3000 / scale
                    + "ms, " + 5000 / scale + " ms doubling to " + 300 / scale + " s, jitter 0.2", hosts, 600_000 / scale,
                    3_000 / scale, 5_000 / scale, 300_000 / scale, "0.2", 60_000, 10_000, 30_000);
        }
    }

    /**
     * Measured and modelled, ours and the seed's. The model of ours over the ramp-to-end window is the build's own
     * load report ({@link LoadReport#benchFleet()}); the others are modelled the same way ({@link FleetWindow}).
     */
    public record Result(Config config, FleetLoad ours, FleetLoad seed, FleetLoad oursModel, FleetLoad seedModel,
                         FleetLoad oursSteady, FleetLoad seedSteady, FleetLoad oursModelSteady,
                         FleetLoad seedModelSteady, String oursUnitText, LoadReport oursReport, long bootMs,
                         long startSpreadMs) {
        @Override
        public String toString() {
            return config.title();
        }

        /** Prints the tables (after the ramp, and the later window), each line prefixed. */
        public void print(String prefix) {
            System.out.printf("%s %d hosts booted over one root in %d ms; both units started on all within %d ms%n",
                    prefix, config.hosts(), bootMs, startSpreadMs);
            FleetLoad.printTable(prefix, config.title(), ours, seed, oursModel, seedModel);
            System.out.printf("%s the load report's peak second is its median fleet's; its %d fleets peak at %d to %d%n",
                    prefix, FleetWindow.FLEETS, oursReport.benchFleet().lowestPeakPerSecond(),
                    oursReport.benchFleet().highestPeakPerSecond());
            FleetLoad.printTable(prefix, config.title(), oursSteady, seedSteady, oursModelSteady, seedModelSteady);
        }
    }

    static final String OURS = "agent.service";
    static final String SEED = "seed.service";
    private static final String IMAGE = "localhost:5000/test/tiny:1";
    private static final String OURS_SCRIPT = "/usr/local/bin/agent-pull-image";
    private static final String SEED_SCRIPT = "/usr/local/bin/seed-pull-image";
    private static final String SEED_REAL = "/usr/local/lib/seed/seed-pull-image.sh";
    private static final long BUILT_IN_RESTART_MS = 3_000;
    private static final long MODEL_SEED = 1;

    private FleetRun() {
    }

    /** Boots the fleet under {@code tmp}, runs it, stops it, and returns what the registry and the model saw. */
    public static Result run(Config config, Path tmp) throws Exception {
        GeneratedAssets ours = generate(config, tmp, OURS, OURS_SCRIPT);
        GeneratedAssets seed = generate(config, tmp, SEED, SEED_SCRIPT);
        List<SystemdContainer> fleet = List.of();
        Path sharedRoot = null;
        ExecutorService pool = Executors.newFixedThreadPool(config.hosts());
        try (CountingRegistry registry = CountingRegistry.start()) {
            sharedRoot = SystemdContainer.unpackSharedRoot(tmp.resolve("shared-root"));
            fleet = SystemdContainer.bootFleet(sharedRoot, tmp, config.hosts());
            long bootMs = fleet.stream().mapToLong(c -> c.bootTime().toMillis()).max().orElse(0);
            install(config, fleet, pool, ours, seed, registry.port());

            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> started = new ArrayList<>();
            for (SystemdContainer c : fleet) {
                started.add(pool.submit(() -> {
                    go.await();
                    c.startNoBlock(OURS, SEED);
                    return System.nanoTime();
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            long lastStarted = start;
            for (Future<Long> f : started) {
                lastStarted = Math.max(lastStarted, f.get(1, TimeUnit.MINUTES));
            }
            Thread.sleep(Math.max(0, config.observeMs() - (System.nanoTime() - start) / 1_000_000));
            List<CountingRegistry.Request> seen = registry.requests();
            keep(config, seen, start);
            LoadModel oursModel = model(config, new BigDecimal(config.jitter()));
            LoadModel seedModel = model(config, BigDecimal.ZERO);
            long end = config.observeMs();
            int n = config.hosts();
            long steady = config.steadyFromMs();
            return new Result(config,
                    FleetLoad.measured(seen, OURS, start, n, config.rampMs(), end),
                    FleetLoad.measured(seen, SEED, start, n, config.rampMs(), end),
                    FleetLoad.modelled("ours' load report", ours.load().benchFleet()),
                    FleetLoad.modelled("seed model", FleetWindow.model(seedModel, LoadModel.Policy.RESET_ON_RESTART, n,
                            config.rampMs(), end, MODEL_SEED)),
                    FleetLoad.measured(seen, OURS, start, n, steady, end),
                    FleetLoad.measured(seen, SEED, start, n, steady, end),
                    FleetLoad.modelled("ours model", FleetWindow.model(oursModel, LoadModel.Policy.STATE_FILE, n, steady,
                            end, MODEL_SEED)),
                    FleetLoad.modelled("seed model", FleetWindow.model(seedModel, LoadModel.Policy.RESET_ON_RESTART, n,
                            steady, end, MODEL_SEED)),
                    ours.unit().text(), ours.load(), bootMs, (lastStarted - start) / 1_000_000);
        } finally {
            pool.shutdownNow();
            long t0 = System.nanoTime();
            SystemdContainer.closeAll(fleet);
            if (sharedRoot != null) {
                SystemdContainer.run(List.of("rm", "-rf", "--one-file-system", sharedRoot.toString()), Duration.ofMinutes(2));
            }
            System.out.printf("[real-fleet] %d hosts stopped and cleaned up in %.1f s%n", fleet.size(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void install(Config config, List<SystemdContainer> fleet, ExecutorService pool, GeneratedAssets ours,
                                GeneratedAssets seed, int port) throws Exception {
        byte[] podman = resource("podman-registry.sh");
        byte[] seedScript = resource("/seed/seed-pull-image.sh");
        byte[] seedWrapper = ("#!/bin/sh\nINITIAL_MS=" + config.initialMs() + " MAX_MS=" + config.maxMs() + " exec "
                + SEED_REAL + " \"$@\"\n").getBytes(StandardCharsets.UTF_8); // the seed only doubles
        byte[] restart = restartDropin(config);
        List<Future<?>> installed = new ArrayList<>();
        for (int i = 0; i < fleet.size(); i++) {
            SystemdContainer c = fleet.get(i);
            String host = String.format("h%02d", i);
            installed.add(pool.submit(() -> {
                c.install(Path.of("/etc/fleet-host"), (host + "\n").getBytes(StandardCharsets.UTF_8), "0644");
                c.install(Path.of("/etc/fleet-registry"), (port + "\n").getBytes(StandardCharsets.UTF_8), "0644");
                c.install(Path.of("/usr/local/bin/podman"), podman, "0755");
                c.install(Path.of(OURS_SCRIPT), ours.script().bytes(), "0755");
                c.install(Path.of("/etc/systemd/system", OURS), ours.unit().bytes(), "0644");
                c.install(Path.of(SEED_REAL), seedScript, "0755");
                c.install(Path.of(SEED_SCRIPT), seedWrapper, "0755");
                c.install(Path.of("/etc/systemd/system", SEED), seed.unit().bytes(), "0644");
                if (config.restartMs() != BUILT_IN_RESTART_MS) {
                    for (String unit : List.of(OURS, SEED)) {
                        c.install(Path.of("/etc/systemd/system", unit + ".d", "restart.conf"), restart, "0644");
                    }
                }
                c.daemonReload();
                return null;
            }));
        }
        for (Future<?> f : installed) {
            f.get(2, TimeUnit.MINUTES);
        }
    }

    /** The load model for the unit; the seed's policy has no jitter. */
    private static LoadModel model(Config config, BigDecimal jitter) {
        var spec = new BackoffSpec(Duration.ofMillis(config.initialMs()), BigDecimal.valueOf(2),
                Duration.ofMillis(config.maxMs()), jitter, 0, Duration.ofSeconds(10), 0);
        return new LoadModel(spec, new RestartPolicy(config.timeoutStartMs(), config.restartMs(), true), 0);
    }

    /** The drop-in that gives the unit the config's RestartSec, when it is not the built-in unit's. */
    private static byte[] restartDropin(Config config) {
        return ("[Service]\nRestartSec=" + config.restartMs() + "ms\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Generates the assets; the restart drop-in goes into the config too, so that the load report models the unit as it runs. */
    private static GeneratedAssets generate(Config config, Path tmp, String unit, String script) throws Exception {
        Map<String, String> backoff = Map.of(
                "initialDelay", config.initialMs() + "ms",
                "multiplier", "2",
                "maxDelay", config.maxMs() + "ms",
                "jitter", config.jitter(),
                "maxAttempts", "0",
                "attemptTimeout", "10s");
        List<ConfigOptions.ExtraDropin> dropins = List.of();
        if (config.restartMs() != BUILT_IN_RESTART_MS) {
            Path dropin = Files.write(tmp.resolve(unit + "-restart.conf"), restartDropin(config));
            dropins = List.of(new ConfigOptions.ExtraDropin(unit, "restart.conf", dropin));
        }
        return AssetGenerator.generate(new GenerateRequest(tmp, IMAGE, null, false, PomElement.of("backoff", backoff), unit,
                script, null, null, Long.toString(config.timeoutStartMs() / 1000), GenerateRequest.DEFAULT_IGNITION_VERSION,
                tmp.resolve("out-" + unit), GenerateRequest.DEFAULT_CONFIG_NAME)
                .withConfig(new ConfigOptions(null, List.of(), List.of(), dropins, null, false)));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FleetRun.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /** Keeps every request (ms from the start, host, unit) in target/real-systemd/, for whoever reads a failure. */
    private static void keep(Config config, List<CountingRegistry.Request> seen, long start) throws IOException {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "real-systemd");
        Files.createDirectories(dir);
        StringBuilder b = new StringBuilder();
        for (CountingRegistry.Request r : seen) {
            b.append((r.atNanos() - start) / 1_000_000).append(' ').append(r.host()).append(' ').append(r.unit()).append('\n');
        }
        Files.writeString(dir.resolve("fleet-requests-" + config.hosts() + "-" + config.timeoutStartMs() / 1000 + ".log"),
                b.toString());
    }
}
