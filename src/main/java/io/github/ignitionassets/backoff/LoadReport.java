package io.github.ignitionassets.backoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * What a spec costs the registry in a sustained outage, per host and across a fleet, from the {@link LoadModel}.
 *
 * @param attemptsPerHour                    steady state (hours 1 to 4 of the outage), one host
 * @param firstHourAttempts                  the first hour, ramp included
 * @param maxRecoverySeconds                 worst case from the registry coming back to the next pull starting
 * @param meanRecoverySeconds                the same, for a registry that comes back at a random time
 * @param requestsPerAttempt                 registry requests per attempt with podman 5's {@code --retry}
 * @param requestsPerAttemptWithoutRetryFlag the same on podman 4, which retries 3 times by itself
 * @param requestsPerHour                    attemptsPerHour times requestsPerAttempt
 * @param fleetHosts                         hosts in the fleet figures
 * @param fleetPeakPerSecond                 most attempts in any one second, hours 1 to 4, all hosts failing from the same second
 * @param fleetFirstMinutePeakPerSecond      the same in the first minute, where all hosts start together
 * @param benchFleet                         attempts per host and peaks (and the range of peak seconds one such
 *                                           fleet may show) of a fleet of {@value #BENCH_FLEET_HOSTS}
 *                                           hosts from 10 s to 60 s of the outage, as {@code bench/fleet.sh}
 *                                           measures them on real hosts by default: the model, held to a real fleet
 * @param resetOnRestartAttemptsPerHour      the seed's policy under the same unit: schedule in a shell variable
 * @param fixedRetryAttemptsPerHour          the unit alone retrying every 3 s
 * @param timeoutStartSeconds                the unit's TimeoutStartSec the figures assume; -1 for infinity
 * @param restartSeconds                     the unit's RestartSec the figures assume
 * @param restarts                           whether the unit restarts a failed start at all
 * @param unitFrom                           the file each of the unit's settings comes from
 * @param pullPolicy                         the pull policy the figures assume; the figures above are for a host
 *                                           without a cached copy (a first boot), and under {@code always} for any host
 * @param cachedCopyAttemptsPerStart         attempts one start makes on a host with a cached copy: 0 under
 *                                           {@code missing}, at most 1 under {@code newer}, -1 under {@code always}
 *                                           (as many as without a copy)
 * @param cachedCopyAttemptsPerHour          steady state on a host with a cached copy whose service stops at once and
 *                                           is started again after RestartSec, the worst case: 0 under {@code missing},
 *                                           attemptsPerHour under {@code always}
 */
public record LoadReport(double attemptsPerHour, int firstHourAttempts, double maxRecoverySeconds,
                         double meanRecoverySeconds, int requestsPerAttempt, int requestsPerAttemptWithoutRetryFlag,
                         double requestsPerHour, int fleetHosts, int fleetPeakPerSecond,
                         int fleetFirstMinutePeakPerSecond, FleetWindow benchFleet,
                         double resetOnRestartAttemptsPerHour,
                         double fixedRetryAttemptsPerHour, double timeoutStartSeconds, double restartSeconds,
                         boolean restarts, RestartPolicy.Origins unitFrom, String pullPolicy,
                         int cachedCopyAttemptsPerStart, double cachedCopyAttemptsPerHour) {

    /** Hosts that start failing in the same second, for the fleet figures. */
    public static final int FLEET_HOSTS = 1000;
    /** Hosts in {@link #benchFleet}: as many as {@code bench/fleet.sh} boots by default. */
    public static final int BENCH_FLEET_HOSTS = 20;
    /** podman 4 (no --retry flag) makes this many requests per pull on network errors: 1 + 3 retries. */
    public static final int PODMAN4_REQUESTS_PER_PULL = 4;

    /** Indented by two spaces, {@code "key": value}, LF line ends: as the config's pretty form. */
    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private static final long HOUR = 3_600_000L;
    private static final long STEADY_FROM = HOUR;
    private static final long STEADY_TO = 4 * HOUR;
    private static final long SEED = 20261125L;
    /** The bench's window: the first 10 s are the ramp, not counted. */
    private static final long BENCH_FROM = 10_000;
    private static final long BENCH_TO = 60_000;
    /**
     * Attempts simulated for the fleet figures at most: every host of the fleet for any delay of a second or more
     * (1000 hosts, 4 hours), fewer for millisecond delays, which would make hundreds of millions.
     */
    private static final long MAX_FLEET_ATTEMPTS = 4_000_000;
    /** The unit the seed shipped: Restart=always, RestartSec=3, each start one pull. */
    private static final RestartPolicy FIXED_3S = new RestartPolicy(Long.MAX_VALUE, 3_000, true);

    /** Computes the report for the default pull policy; deterministic for a given spec and unit. */
    public static LoadReport compute(BackoffSpec spec, RestartPolicy unit) {
        return compute(spec, PullPolicy.DEFAULT, unit, FLEET_HOSTS);
    }

    /** Computes the report; deterministic for a given spec, policy and unit. */
    public static LoadReport compute(BackoffSpec spec, PullPolicy pullPolicy, RestartPolicy unit) {
        return compute(spec, pullPolicy, unit, FLEET_HOSTS);
    }

    /** Computes the report for the default pull policy with a fleet of the given size. */
    public static LoadReport compute(BackoffSpec spec, RestartPolicy unit, int hosts) {
        return compute(spec, PullPolicy.DEFAULT, unit, hosts);
    }

    /** Computes the report with a fleet of the given size. */
    public static LoadReport compute(BackoffSpec spec, PullPolicy pullPolicy, RestartPolicy unit, int hosts) {
        LoadModel model = new LoadModel(spec, unit, 0);
        var random = new Random(SEED);
        long[] ours = model.attemptTimes(LoadModel.Policy.STATE_FILE, STEADY_TO, random);
        double perHour = LoadModel.count(ours, STEADY_FROM, STEADY_TO) / 3.0;
        int firstHour = LoadModel.count(ours, 0, HOUR);

        double maxGap = 0;
        double sumGap = 0;
        double sumGapSquared = 0;
        for (int i = 1; i < ours.length; i++) {
            if (ours[i - 1] < STEADY_FROM) {
                continue;
            }
            double gap = (ours[i] - ours[i - 1]) / 1000.0;
            maxGap = Math.max(maxGap, gap);
            sumGap += gap;
            sumGapSquared += gap * gap;
        }
        double meanRecovery = sumGap == 0 ? 0 : sumGapSquared / (2 * sumGap);

        long[] reset = new LoadModel(spec, unit, 0).attemptTimes(LoadModel.Policy.RESET_ON_RESTART, STEADY_TO, new Random(SEED));
        long[] fixed = new LoadModel(spec, FIXED_3S, 0).attemptTimes(LoadModel.Policy.FIXED_RETRY, STEADY_TO, new Random(SEED));

        // Without jitter every host is the same host: one simulation stands for all of them. With jitter, hosts are
        // simulated one by one, up to a bounded number of attempts in all (millisecond delays make hundreds of
        // thousands per host); the sampled hosts' counts are then scaled to the fleet, which overstates the peak (the
        // noise of a few hosts, scaled up), never understates it.
        boolean lockstep = spec.jitter().signum() == 0;
        int simulated = lockstep ? 1 : (int) Math.max(1, Math.min(hosts, MAX_FLEET_ATTEMPTS / Math.max(1, ours.length)));
        double weight = hosts / (double) simulated;
        double[] steadyBuckets = new double[(int) ((STEADY_TO - STEADY_FROM) / 1000)];
        double[] firstMinute = new double[60];
        for (int h = 0; h < simulated; h++) {
            addPerSecond(model.attemptTimes(LoadModel.Policy.STATE_FILE, STEADY_TO, random), weight, firstMinute, steadyBuckets);
        }
        int requests = 1 + spec.podmanRetries();
        double cachedPerHour = switch (pullPolicy) {
            case MISSING -> 0;
            case ALWAYS -> round(perHour);
            case NEWER -> round(LoadModel.count(new LoadModel(spec, unit, 0).attemptTimes(
                    LoadModel.Policy.CACHED_COPY_NEWER, STEADY_TO, new Random(SEED)), STEADY_FROM, STEADY_TO) / 3.0);
        };
        int cachedPerStart = switch (pullPolicy) {
            case MISSING -> 0;
            case NEWER -> 1;
            case ALWAYS -> -1;
        };
        return new LoadReport(round(perHour), firstHour, round(maxGap), round(meanRecovery), requests,
                PODMAN4_REQUESTS_PER_PULL, round(perHour * requests), hosts, max(steadyBuckets), max(firstMinute),
                FleetWindow.model(model, LoadModel.Policy.STATE_FILE, BENCH_FLEET_HOSTS, BENCH_FROM, BENCH_TO, SEED),
                round(LoadModel.count(reset, STEADY_FROM, STEADY_TO) / 3.0),
                round(LoadModel.count(fixed, STEADY_FROM, STEADY_TO) / 3.0),
                unit.timeoutStartMs() == Long.MAX_VALUE ? -1 : unit.timeoutStartMs() / 1000.0, unit.restartMs() / 1000.0,
                unit.restarts(), unit.from(), pullPolicy.word(), cachedPerStart, cachedPerHour);
    }

    /** One host's attempts into the per-second counts. */
    private static void addPerSecond(long[] times, double weight, double[] firstMinute, double[] steadyBuckets) {
        for (long t : times) {
            if (t < 60_000) {
                firstMinute[(int) (t / 1000)] += weight;
            } else if (t >= STEADY_FROM && t < STEADY_TO) {
                steadyBuckets[(int) ((t - STEADY_FROM) / 1000)] += weight;
            }
        }
    }

    /**
     * The report as JSON, fields in a fixed order, with the spec it describes; UTF-8 with a final newline.
     */
    public byte[] toJson(BackoffSpec spec) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("attemptsPerHour", attemptsPerHour);
        root.put("firstHourAttempts", firstHourAttempts);
        root.put("maxRecoverySeconds", maxRecoverySeconds);
        root.put("meanRecoverySeconds", meanRecoverySeconds);
        root.put("requestsPerAttempt", requestsPerAttempt);
        root.put("requestsPerAttemptWithoutRetryFlag", requestsPerAttemptWithoutRetryFlag);
        root.put("requestsPerHour", requestsPerHour);
        root.put("fleetHosts", fleetHosts);
        root.put("fleetPeakPerSecond", fleetPeakPerSecond);
        root.put("fleetFirstMinutePeakPerSecond", fleetFirstMinutePeakPerSecond);
        ObjectNode bench = root.putObject("benchFleet");
        bench.put("hosts", benchFleet.hosts());
        bench.put("fromSeconds", benchFleet.fromMs() / 1000);
        bench.put("toSeconds", benchFleet.toMs() / 1000);
        bench.put("attemptsPerHost", benchFleet.attemptsPerHost());
        bench.put("peakPerSecond", benchFleet.peakPerSecond());
        bench.put("peakPer100Ms", benchFleet.peakPer100Ms());
        bench.put("lowestPeakPerSecond", benchFleet.lowestPeakPerSecond());
        bench.put("highestPeakPerSecond", benchFleet.highestPeakPerSecond());
        ObjectNode compared = root.putObject("comparison");
        compared.put("resetOnRestartAttemptsPerHour", resetOnRestartAttemptsPerHour);
        compared.put("fixedRetryAttemptsPerHour", fixedRetryAttemptsPerHour);
        ObjectNode cached = root.putObject("withCachedCopy");
        cached.put("pullPolicy", pullPolicy);
        cached.put("attemptsPerStart", cachedCopyAttemptsPerStart);
        cached.put("attemptsPerHour", cachedCopyAttemptsPerHour);
        ObjectNode unit = root.putObject("unit");
        unit.put("timeoutStartSeconds", timeoutStartSeconds);
        unit.put("restartSeconds", restartSeconds);
        unit.put("restarts", restarts);
        if (!unitFrom.equals(RestartPolicy.Origins.UNSAID)) {
            ObjectNode from = unit.putObject("from");
            from.put("timeoutStartSec", unitFrom.timeoutStart());
            from.put("restartSec", unitFrom.restartSec());
            from.put("restart", unitFrom.restart());
        }
        ObjectNode policy = root.putObject("spec");
        policy.put("initialDelay", DurationText.format(spec.initialDelay()));
        policy.put("multiplier", spec.multiplier().toPlainString());
        policy.put("maxDelay", DurationText.format(spec.maxDelay()));
        policy.put("jitter", spec.jitter().toPlainString());
        policy.put("maxAttempts", spec.maxAttempts());
        policy.put("attemptTimeout", DurationText.format(spec.attemptTimeout()));
        policy.put("podmanRetries", spec.podmanRetries());
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing the load report", e);
        }
    }

    /** One line for the build log. */
    public String summary() {
        return String.format(Locale.ROOT, "Load in a registry outage: %s attempts/host-hour (first hour %d), recovery"
                        + " within %ss (mean %ss), %d request(s)/attempt (%d on podman 4); %d hosts failing together peak at"
                        + " %d attempts/s (first minute %d). Same unit with the schedule reset on restart: %s/host-hour"
                        + " (%sx); fixed 3 s retry: %s/host-hour (%sx).",
                fmt(attemptsPerHour), firstHourAttempts, fmt(maxRecoverySeconds), fmt(meanRecoverySeconds),
                requestsPerAttempt, requestsPerAttemptWithoutRetryFlag, fleetHosts, fleetPeakPerSecond,
                fleetFirstMinutePeakPerSecond, fmt(resetOnRestartAttemptsPerHour),
                fmt(ratio(resetOnRestartAttemptsPerHour, attemptsPerHour)), fmt(fixedRetryAttemptsPerHour),
                fmt(ratio(fixedRetryAttemptsPerHour, attemptsPerHour))) + " " + cachedCopySummary()
                + (unitFrom.equals(RestartPolicy.Origins.UNSAID) ? "" : String.format(" Unit as systemd runs it: TimeoutStartSec from %s,"
                        + " RestartSec from %s, Restart= from %s.", unitFrom.timeoutStart(), unitFrom.restartSec(), unitFrom.restart()));
    }

    /** What a host that already has the image does, in one sentence. */
    private String cachedCopySummary() {
        return switch (pullPolicy) {
            case "missing" -> "Pull policy missing: a host with a cached copy does not pull.";
            case "newer" -> String.format(Locale.ROOT, "Pull policy newer: a host with a cached copy makes at most 1"
                    + " attempt per start, %s/host-hour if its service restarts at once.", fmt(cachedCopyAttemptsPerHour));
            default -> "Pull policy always: a cached copy does not count; every host backs off as above.";
        };
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : round(a / b);
    }

    /** A figure to one decimal, without a trailing {@code .0}: {@code 12}, {@code 359.1}. */
    private static String fmt(double d) {
        return BigDecimal.valueOf(round(d)).stripTrailingZeros().toPlainString();
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    private static int max(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return (int) Math.round(m);
    }
}
