package io.github.ignitionassets.realsystemd;

import io.github.ignitionassets.backoff.FleetWindow;
import java.util.List;
import java.util.TreeMap;

/**
 * A fleet's load on the registry over {@code [fromMs, toMs)} after a common start: requests per host, the mean
 * rate, and the busiest second and the busiest 100 ms. Measured at the registry, or predicted by the load model
 * for a typical fleet of as many hosts ({@link FleetWindow}).
 */
public record FleetLoad(String what, int hosts, int hostsSeen, int requests, long fromMs, long toMs, int peakPerSecond,
                 int peakPer100Ms) {

    static FleetLoad measured(List<CountingRegistry.Request> seen, String unit, long startNanos, int hosts, long fromMs,
                              long toMs) {
        TreeMap<String, Integer> perHost = new TreeMap<>();
        Bins bins = new Bins(fromMs, toMs);
        for (CountingRegistry.Request r : seen) {
            if (!r.unit().equals(unit)) {
                continue;
            }
            perHost.merge(r.host(), 1, Integer::sum);
            bins.add((r.atNanos() - startNanos) / 1_000_000);
        }
        return bins.load(unit + " measured", hosts, perHost.size());
    }

    /** The model's figures for a typical fleet ({@link FleetWindow}), as a load. */
    static FleetLoad modelled(String what, FleetWindow model) {
        return new FleetLoad(what, model.hosts(), model.hosts(), (int) Math.round(model.attemptsPerHost() * model.hosts()),
                model.fromMs(), model.toMs(), model.peakPerSecond(), model.peakPer100Ms());
    }

    public double perHost() {
        return requests / (double) hosts;
    }

    public double meanPerSecond() {
        return requests * 1000.0 / (toMs - fromMs);
    }

    public double peakToMean() {
        return peakPerSecond / meanPerSecond();
    }

    /** Prints the table, measured beside modelled, each line prefixed. */
    static void printTable(String prefix, String title, FleetLoad ours, FleetLoad seed, FleetLoad oursModel,
                           FleetLoad seedModel) {
        System.out.printf("%s %s, %d hosts, requests at the registry in %.0f-%.0f s%n", prefix, title, ours.hosts(),
                ours.fromMs() / 1000.0, ours.toMs() / 1000.0);
        System.out.printf("%s %-22s %10s %10s %10s %10s%n", prefix, "", "ours", "ours model", "seed", "seed model");
        List<FleetLoad> all = List.of(ours, oursModel, seed, seedModel);
        row(prefix, "requests per host", all, l -> String.format("%.1f", l.perHost()));
        row(prefix, "mean per second", all, l -> String.format("%.1f", l.meanPerSecond()));
        row(prefix, "peak per second", all, l -> Integer.toString(l.peakPerSecond()));
        row(prefix, "peak per 100 ms", all, l -> Integer.toString(l.peakPer100Ms()));
        row(prefix, "peak / mean", all, l -> String.format("%.2f", l.peakToMean()));
        System.out.printf("%s seed/ours: requests %.2f (model %.2f), peak second %.2f (model %.2f)%n", prefix,
                seed.perHost() / ours.perHost(), seedModel.perHost() / oursModel.perHost(),
                seed.peakPerSecond() / (double) ours.peakPerSecond(),
                seedModel.peakPerSecond() / (double) oursModel.peakPerSecond());
    }

    private static void row(String prefix, String what, List<FleetLoad> all, java.util.function.Function<FleetLoad, String> f) {
        System.out.printf("%s %-22s %10s %10s %10s %10s%n", prefix, what, f.apply(all.get(0)), f.apply(all.get(1)),
                f.apply(all.get(2)), f.apply(all.get(3)));
    }

    /** Per-second and per-100 ms counts over the window. */
    private static final class Bins {
        private final long fromMs;
        private final long toMs;
        private final int[] perSecond;
        private final int[] per100Ms;
        private int total;

        Bins(long fromMs, long toMs) {
            this.fromMs = fromMs;
            this.toMs = toMs;
            this.perSecond = new int[(int) ((toMs - fromMs + 999) / 1000)];
            this.per100Ms = new int[(int) ((toMs - fromMs + 99) / 100)];
        }

        void add(long atMs) {
            if (atMs < fromMs || atMs >= toMs) {
                return;
            }
            total++;
            perSecond[(int) ((atMs - fromMs) / 1000)]++;
            per100Ms[(int) ((atMs - fromMs) / 100)]++;
        }

        FleetLoad load(String what, int hosts, int hostsSeen) {
            return new FleetLoad(what, hosts, hostsSeen, total, fromMs, toMs, max(perSecond), max(per100Ms));
        }

        private static int max(int[] a) {
            int m = 0;
            for (int v : a) {
                m = Math.max(m, v);
            }
            return m;
        }
    }
}
