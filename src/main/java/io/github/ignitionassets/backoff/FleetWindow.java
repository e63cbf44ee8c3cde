package io.github.ignitionassets.backoff;

import java.util.Arrays;
import java.util.Random;

/**
 * A small fleet's load on the registry over a window after the outage starts, all its hosts failing from the same
 * instant (a fleet that booted together), as the {@link LoadModel} predicts it: the figures {@code bench/fleet.sh}
 * measures at a real registry. A fleet of a few tens of hosts differs from one boot to the next (the jitter is
 * random), so these are the typical fleet's figures: the mean per host, and the median peaks, of {@link #FLEETS}
 * fleets modelled with different random draws; and the lowest and highest peak second among them, since one real
 * fleet is one such draw.
 *
 * @param hosts           hosts in the fleet
 * @param fromMs          the window's start, ms after the outage starts (the ramp before it is not counted)
 * @param toMs            the window's end
 * @param attemptsPerHost attempts per host in the window
 * @param peakPerSecond   the most attempts of the whole fleet in one second of the window
 * @param peakPer100Ms    the same in 100 ms
 * @param lowestPeakPerSecond  the lowest peak second of the fleets modelled
 * @param highestPeakPerSecond the highest
 */
public record FleetWindow(int hosts, long fromMs, long toMs, double attemptsPerHost, int peakPerSecond,
                          int peakPer100Ms, int lowestPeakPerSecond, int highestPeakPerSecond) {

    /** Fleets modelled for one figure, at most. */
    public static final int FLEETS = 101;
    /** Attempts modelled for one figure at most: fewer fleets for millisecond delays. */
    private static final long MAX_ATTEMPTS = 4_000_000;

    /** The model's figures for {@code hosts} hosts under {@code policy}; the same seed gives the same figures. */
    public static FleetWindow model(LoadModel model, LoadModel.Policy policy, int hosts, long fromMs, long toMs,
                                    long seed) {
        Random random = new Random(seed);
        long perHostAtMost = model.attemptTimes(policy, toMs, new Random(seed)).length;
        int fleets = (int) Math.max(1, Math.min(FLEETS, MAX_ATTEMPTS / Math.max(1, perHostAtMost * hosts))) | 1;
        int[] peaks = new int[fleets];
        int[] peaks100Ms = new int[fleets];
        long attempts = 0;
        for (int f = 0; f < fleets; f++) {
            int[] perSecond = new int[(int) ((toMs - fromMs + 999) / 1000)];
            int[] per100Ms = new int[(int) ((toMs - fromMs + 99) / 100)];
            for (int h = 0; h < hosts; h++) {
                for (long t : model.attemptTimes(policy, toMs, random)) {
                    if (t >= fromMs) {
                        attempts++;
                        perSecond[(int) ((t - fromMs) / 1000)]++;
                        per100Ms[(int) ((t - fromMs) / 100)]++;
                    }
                }
            }
            peaks[f] = Arrays.stream(perSecond).max().orElse(0);
            peaks100Ms[f] = Arrays.stream(per100Ms).max().orElse(0);
        }
        Arrays.sort(peaks);
        Arrays.sort(peaks100Ms);
        double perHost = Math.round(attempts * 10.0 / ((long) fleets * hosts)) / 10.0;
        return new FleetWindow(hosts, fromMs, toMs, perHost, peaks[fleets / 2], peaks100Ms[fleets / 2], peaks[0],
                peaks[fleets - 1]);
    }

    /** The fleet's mean attempts per second over the window. */
    public double meanPerSecond() {
        return attemptsPerHost * hosts * 1000 / (toMs - fromMs);
    }
}
