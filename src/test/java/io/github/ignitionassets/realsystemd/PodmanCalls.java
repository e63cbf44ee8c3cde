package io.github.ignitionassets.realsystemd;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls the podman stand-in ({@code podman-outage.sh}) logged, one line each: {@code UPTIME UNIT ARGS...}, and
 * what they say about one unit: when systemd started its pull step (each start begins with
 * {@code podman image exists}) and when it pulled.
 *
 * @param calls the calls, in log order
 */
public record PodmanCalls(List<Call> calls) {

    /**
     * One call.
     *
     * @param at   container CLOCK_BOOTTIME seconds
     * @param unit the service the call ran in
     * @param args podman's arguments
     */
    public record Call(double at, String unit, String args) {
    }

    /**
     * One start of a unit's pull step, up to the next start (or the end of the observation).
     *
     * @param start    when the step began (its {@code image exists} call)
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
            String[] f = line.strip().split(" ", 3);
            calls.add(new Call(Double.parseDouble(f[0]), f[1], f.length > 2 ? f[2] : ""));
        }
        return new PodmanCalls(List.copyOf(calls));
    }

    /** When the unit's pull step started: its {@code podman image exists} calls. */
    public List<Double> starts(String unit) {
        return times(unit, "image exists ");
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

    private List<Double> times(String unit, String prefix) {
        return calls.stream().filter(c -> c.unit().equals(unit) && (c.args() + " ").startsWith(prefix))
                .map(Call::at).toList();
    }
}
