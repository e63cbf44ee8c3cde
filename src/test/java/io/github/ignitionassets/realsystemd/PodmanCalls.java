package io.github.ignitionassets.realsystemd;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls the podman stand-in ({@code podman-outage.sh}) logged, one line each:
 * {@code UPTIME UNIT INVOCATION ARGS...}, and what they say about one unit: its starts (systemd gives each start a
 * new invocation ID; a start is dated by its first podman call) and its pull attempts.
 *
 * @param calls the calls, in log order
 */
public record PodmanCalls(List<Call> calls) {

    /**
     * One call.
     *
     * @param at   container CLOCK_BOOTTIME seconds
     * @param unit       the service the call ran in
     * @param invocation the invocation ID of that start of the service
     * @param args       podman's arguments
     */
    public record Call(double at, String unit, String invocation, String args) {
    }

    /**
     * One start of a unit's pull step, up to the next start (or the end of the observation).
     *
     * @param start    when the step began (its first podman call)
     * @param end      the next start, or the end of the observation
     * @param complete whether the next start was seen, so that the window is whole
     * @param pulls    the pull attempts in it
     */
    public record Window(double start, double end, boolean complete, List<Double> pulls) {

        /** Seconds between consecutive pulls. */
        public List<Double> gaps() {
            List<Double> gaps = new ArrayList<>();
            for (int i = 1; i < pulls.size(); i++) {
                gaps.add(pulls.get(i) - pulls.get(i - 1));
            }
            return gaps;
        }
    }

    public static PodmanCalls parse(String log) {
        List<Call> calls = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split(" ", 4);
            calls.add(new Call(Double.parseDouble(f[0]), f[1], f[2], f.length > 3 ? f[3] : ""));
        }
        return new PodmanCalls(List.copyOf(calls));
    }

    /** When the unit's pull step started: the first podman call of each invocation, in order. */
    public List<Double> starts(String unit) {
        var first = new java.util.LinkedHashMap<String, Double>();
        for (Call c : calls) {
            if (c.unit().equals(unit)) {
                first.merge(c.invocation(), c.at(), Math::min);
            }
        }
        return first.values().stream().sorted().toList();
    }

    /** The unit's pull attempts: its {@code podman pull} calls, not counting {@code podman pull --help}. */
    public List<Double> pulls(String unit) {
        return calls.stream().filter(c -> c.unit().equals(unit) && c.args().startsWith("pull ")
                && !(" " + c.args() + " ").contains(" --help ")).map(Call::at).toList();
    }

    /** The number of pull attempts the unit made. */
    public int countAttempts(String unit) {
        return pulls(unit).size();
    }

    /** The unit's pulls grouped by start; {@code observedUntil} closes the last window. */
    public List<Window> windows(String unit, double observedUntil) {
        List<Double> starts = starts(unit);
        List<Double> pulls = pulls(unit);
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            double from = starts.get(i);
            boolean complete = i + 1 < starts.size();
            double to = complete ? starts.get(i + 1) : observedUntil;
            windows.add(new Window(from, to, complete, pulls.stream().filter(t -> t >= from && t < to).toList()));
        }
        return windows;
    }

    /** Seconds between consecutive starts of the unit's pull step. */
    public List<Double> restartIntervals(String unit) {
        List<Double> starts = starts(unit);
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < starts.size(); i++) {
            out.add(starts.get(i) - starts.get(i - 1));
        }
        return out;
    }
}
