package io.github.ignitionassets.backoff;

/**
 * The delays a spec promises, computed with the same integer millisecond arithmetic as the generated script,
 * so that what the build reports is what the host does.
 */
public final class Schedule {

    private final long initialMs;
    private final long maxMs;
    private final long multiplierPpm;
    private final long jitterPpm;

    private Schedule(BackoffSpec spec) {
        this.initialMs = spec.initialDelay().toMillis();
        this.maxMs = spec.maxDelay().toMillis();
        this.multiplierPpm = spec.multiplierPpm();
        this.jitterPpm = spec.jitterPpm();
    }

    public static Schedule of(BackoffSpec spec) {
        return new Schedule(spec);
    }

    /** The nominal delay after the first failure. */
    public long initialDelayMs() {
        return initialMs;
    }

    /** The nominal delay that follows {@code delayMs}: multiplied, capped at maxDelay. */
    public long nextDelayMs(long delayMs) {
        long next = scale(delayMs, multiplierPpm);
        return Math.min(next, maxMs);
    }

    /** The nominal delay after failure {@code n} (1-based). */
    public long nominalDelayMs(int n) {
        long d = initialMs;
        for (int i = 1; i < n && d < maxMs; i++) {
            d = nextDelayMs(d);
        }
        return d;
    }

    /** Lowest sleep that jitter can give for a nominal delay. */
    public long minSleepMs(long delayMs) {
        return delayMs - scale(delayMs, jitterPpm);
    }

    /** Highest sleep that jitter can give for a nominal delay. */
    public long maxSleepMs(long delayMs) {
        return delayMs + scale(delayMs, jitterPpm);
    }

    /**
     * The sleep the script draws for a nominal delay from a random number, as it does:
     * {@code delay - spread + random % (2 * spread + 1)} with {@code spread = delay * jitter}, so uniform in
     * {@code [minSleepMs, maxSleepMs]}.
     *
     * @param random a non-negative random number (the script reads 32 bits from /dev/urandom)
     */
    public long jitteredSleepMs(long delayMs, long random) {
        long spread = scale(delayMs, jitterPpm);
        return delayMs - spread + Math.floorMod(random, 2 * spread + 1);
    }

    /**
     * How long a restarted script waits when its next attempt fell due {@code overdueMs} before the start, while the
     * unit was down: to its next slot, the due time plus a whole number of nominal delays, as the script computes it,
     * {@code (delay - overdue % delay) % delay}. systemd restarts every host of a fleet at the same instants; hosts
     * due in the same gap would otherwise all attempt as the unit comes back. Slots a whole delay apart keep each
     * host where it was in the cycle, so the fleet stays as spread as it was before the restart.
     *
     * @param delayMs   the nominal delay the state file holds
     * @param overdueMs how long before the start the attempt fell due, positive
     */
    public static long waitForNextSlotMs(long delayMs, long overdueMs) {
        if (delayMs <= 0) {
            return 0;
        }
        return (delayMs - overdueMs % delayMs) % delayMs;
    }

    /**
     * {@code value * ppm / 1e6}, rounded down, without overflow for any value below {@link DurationText#MAX}:
     * the script computes it the same way, in two parts.
     */
    public static long scale(long value, long ppm) {
        return value / BackoffSpec.PPM * ppm + value % BackoffSpec.PPM * ppm / BackoffSpec.PPM;
    }
}
