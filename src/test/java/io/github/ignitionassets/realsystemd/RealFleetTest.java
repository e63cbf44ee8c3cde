package io.github.ignitionassets.realsystemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.backoff.FleetWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fleet that booted together, in a registry outage: {@link #HOSTS} hosts of real systemd 252 (systemd-nspawn over
 * one read-only root with {@code --volatile=overlay}, each its own {@code /run}), all booted before the outage,
 * each running the generated unit and, beside it under the same built-in unit, the seed's policy, against one
 * registry on loopback that answers 503 and counts every request, for 60 s, counted after the first 10 s
 * ({@link FleetRun}). Two units, one fleet after the other: TimeoutStartSec=20, RestartSec=3, 250 ms doubling to
 * 4 s, jitter 0.2 (the seed has none), where most restarts find an attempt overdue; and the plugin's defaults with
 * time divided by 20.
 *
 * <p>podman is a stand-in here ({@code podman-registry.sh}): the root has no podman, and what is measured is the
 * registry's load, so each pull is one HTTP request that fails as podman does on a 503. That the real podman makes
 * one request per pull to a real registry, and prints what the script expects, is proven in {@code realtools}'
 * {@code PullScriptAgainstRegistryTest} and {@code PullPolicyAgainstRegistryTest}.
 *
 * <p>Asserted: per-host requests within 25 % of the model (both policies, both units); the build's own load report
 * ({@code benchFleet}) within 25 % of what the fleet made, per host and in its peak second (both units); our fleet's
 * peak second at most 3 times its mean rate (a fleet spread at random gives about 2.2 at this size, lockstep about
 * 3.8); and the seed's peak second at least twice ours.
 *
 * <p>The peak-to-mean ratio is asserted over 30-60 s, not 10-60 s: 10 s is not yet past the ramp. Hosts that start
 * together are still bunched then (four jittered sleeps of 4 s spread them by about a second), and the load model
 * shows it: over 10-60 s its own peak second exceeds 3 times the mean in 13 % of seeds (median 2.46); over 30-60 s
 * in none of 400 (median 1.97, at most 2.79). So the 10-60 s ratio is printed, and the 30-60 s one asserted, for
 * the first unit: with the second, a minute is all ramp.
 */
@Tag("real-systemd")
@Timeout(value = 10, unit = TimeUnit.MINUTES) // a first run may build the root file system
class RealFleetTest {

    static final int HOSTS = 20;

    private static FleetRun.Result nearTheCap;
    private static FleetRun.Result defaults;

    @BeforeAll
    static void runTheFleetThroughAnOutage(@TempDir Path tmp) throws Exception {
        long t0 = System.nanoTime();
        nearTheCap = FleetRun.run(FleetRun.Config.nearTheCap(HOSTS), Files.createDirectory(tmp.resolve("near-the-cap")));
        nearTheCap.print("[real-fleet]");
        defaults = FleetRun.run(FleetRun.Config.defaultsScaledDown(HOSTS, 20), Files.createDirectory(tmp.resolve("defaults")));
        defaults.print("[real-fleet]");
        System.out.printf("[real-fleet] the whole run took %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static Stream<FleetRun.Result> bothUnits() {
        return Stream.of(nearTheCap, defaults);
    }

    @Test
    void theUnitsAreTheOnesDescribed() {
        assertTrue(nearTheCap.oursUnitText().contains("TimeoutStartSec=20\n"), nearTheCap.oursUnitText());
        assertTrue(nearTheCap.oursUnitText().contains("RestartSec=3\n"), nearTheCap.oursUnitText());
        assertTrue(defaults.oursUnitText().contains("TimeoutStartSec=30\n"), defaults.oursUnitText());
        assertEquals(0.15, defaults.oursReport().restartSeconds(), 1e-9, "the report models the restart drop-in");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothUnits")
    void everyHostReachedTheRegistryWithBothPolicies(FleetRun.Result run) {
        assertEquals(HOSTS, run.ours().hostsSeen(), "hosts whose agent.service reached the registry: " + run.ours());
        assertEquals(HOSTS, run.seed().hostsSeen(), "hosts whose seed.service reached the registry: " + run.seed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothUnits")
    void perHostRequestsAreWithin25PercentOfTheModel(FleetRun.Result run) {
        assertWithin25Percent("ours per host", run.ours().perHost(), run.oursModel().perHost());
        assertWithin25Percent("seed per host", run.seed().perHost(), run.seedModel().perHost());
    }

    /**
     * The load report's figures for the bench's fleet, held to what the fleet made: per host within 25 %; the peak
     * second within 25 % of the range the report's 101 modelled fleets span (its median among them). One fleet of 20
     * is one draw, and its peak second is about ten requests: of 400 modelled fleets, 9 % (near the cap) and 7 % (the
     * defaults) peak outside 25 % of their median, and a real one did too (10 against 7, with the defaults).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bothUnits")
    void theLoadReportsFleetFiguresAreWithin25PercentOfTheMeasuredOnes(FleetRun.Result run) {
        FleetWindow report = run.oursReport().benchFleet();
        assertEquals(List.of(HOSTS, run.config().rampMs(), run.config().observeMs()),
                List.of(report.hosts(), report.fromMs(), report.toMs()), "the report's fleet is the one measured");
        assertWithin25Percent("ours per host against the report", run.ours().perHost(), report.attemptsPerHost());
        double peak = run.ours().peakPerSecond();
        assertTrue(peak >= 0.75 * report.lowestPeakPerSecond() && peak <= 1.25 * report.highestPeakPerSecond(),
                "ours' peak second: measured " + peak + ", load report "
                + report.peakPerSecond() + " (its fleets " + report.lowestPeakPerSecond() + " to "
                + report.highestPeakPerSecond() + ")");
    }

    @Test
    void ourPeakSecondIsAtMostThreeTimesTheMeanRate() {
        FleetLoad ours = nearTheCap.oursSteady();
        assertTrue(ours.peakToMean() <= 3.0, "ours over 30-60 s: peak " + ours.peakPerSecond() + "/s, mean "
                + ours.meanPerSecond() + "/s: " + ours.peakToMean() + " times");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothUnits")
    void theSeedsPeakSecondIsAtLeastTwiceOurs(FleetRun.Result run) {
        assertTrue(run.seed().peakPerSecond() >= 2 * run.ours().peakPerSecond(),
                "seed peak " + run.seed().peakPerSecond() + "/s, ours " + run.ours().peakPerSecond() + "/s");
    }

    private static void assertWithin25Percent(String what, double measured, double model) {
        assertTrue(Math.abs(measured - model) <= 0.25 * model, what + ": measured " + measured + ", model " + model);
    }
}
