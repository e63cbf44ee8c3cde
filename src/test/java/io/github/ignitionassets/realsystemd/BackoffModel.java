package io.github.ignitionassets.realsystemd;

import java.util.ArrayList;
import java.util.List;

/**
 * What a capped doubling backoff predicts under a unit that kills the pull step after {@code TimeoutStartSec} and
 * starts it again {@code RestartSec} later, when every start begins the schedule anew ("reset on restart": the
 * state lives in the process). Jitter 0; the few milliseconds each attempt itself takes are left out, so the
 * assertions built on this allow a margin.
 *
 * @param initialDelayMs   delay after the first failed attempt
 * @param multiplier       factor from one delay to the next
 * @param maxDelayMs       cap on the delay
 * @param timeoutStartMs   {@code TimeoutStartSec=}: how long a start may take before systemd kills it
 * @param restartMs        {@code RestartSec=}
 */
public record BackoffModel(long initialDelayMs, long multiplier, long maxDelayMs, long timeoutStartMs, long restartMs) {

    /** The delays after attempt 1, 2, 3, ...: initialDelay, then times multiplier, capped. */
    public List<Long> delays(int count) {
        List<Long> out = new ArrayList<>();
        long d = initialDelayMs;
        for (int i = 0; i < count; i++) {
            out.add(d);
            d = Math.min(d * multiplier, maxDelayMs);
        }
        return out;
    }

    /** When the attempts of one start happen, from the start, before systemd kills it at TimeoutStartSec. */
    public List<Long> offsetsInOneStart() {
        List<Long> out = new ArrayList<>();
        long t = 0;
        for (long d : delays(1000)) {
            if (t >= timeoutStartMs) {
                break;
            }
            out.add(t);
            t += d;
        }
        return out;
    }

    /** Attempts in one whole start window, when the schedule starts over at every start. */
    public int attemptsPerStart() {
        return offsetsInOneStart().size();
    }

    /** Attempts in the first {@code elapsedMs} of a start (for the window still open when observation ends). */
    public int attemptsWithin(long elapsedMs) {
        return (int) offsetsInOneStart().stream().filter(t -> t < elapsedMs).count();
    }

    /** Shortest time from one start to the next: killed at TimeoutStartSec, restarted RestartSec later. */
    public long minCycleMs() {
        return timeoutStartMs + restartMs;
    }

    /**
     * Total attempts over {@code observedMs} from the first start, if every start takes {@code cycleMs} and starts
     * the schedule over.
     */
    public int attemptsOver(long observedMs, long cycleMs) {
        int total = 0;
        for (long start = 0; start <= observedMs; start += cycleMs) {
            total += attemptsWithin(Math.min(observedMs - start, timeoutStartMs) + 1);
        }
        return total;
    }
}
