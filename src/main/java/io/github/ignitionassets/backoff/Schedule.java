package io.github.ignitionassets.backoff;

import java.util.function.LongSupplier;

/**
 * The delays a spec promises, computed with the same integer millisecond arithmetic as the generated script,
 * so that what the build reports is what the host does.
 */
public final class Schedule {

    /** Missed slots a restarted script draws one by one; see {@link #firstSlotFromMs}. */
    public static final int MISSED_SLOTS_DRAWN = 16;

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
     * When a restarted script makes its first attempt if the one it had planned fell due at {@code dueMs}, before
     * the start at {@code startMs}, while the unit was down: at the first slot from the start on, each slot one
     * jittered sleep ({@link #jitteredSleepMs}, at the delay the state file holds) after the one before, as the script
     * computes it. That is where the host would be had it gone on trying while down. systemd restarts every host of a
     * fleet at the same instants: hosts that made their overdue attempt as the unit came back would all make it
     * together, and hosts that waited a fixed delay from the due time would land on those due just after the gap.
     * Here a restart only takes the missed attempts out of the fleet's load, and leaves every host where it was.
     *
     * <p>Slots beyond the last {@link #MISSED_SLOTS_DRAWN} are skipped a whole nominal delay at a time, so that a unit
     * that stayed down for hours does not draw a random number for each slot it missed before its first attempt.
     *
     * @param delayMs the nominal delay the state file holds, positive
     * @param random  non-negative random numbers, one per slot drawn (the script reads 32 bits from /dev/urandom)
     */
    public long firstSlotFromMs(long dueMs, long startMs, long delayMs, LongSupplier random) {
        long slot = dueMs + Math.max(0, (startMs - dueMs) / delayMs - MISSED_SLOTS_DRAWN) * delayMs;
        while (slot < startMs) {
            slot += jitteredSleepMs(delayMs, random.getAsLong());
        }
        return slot;
    }

    /**
     * {@code value * ppm / 1e6}, rounded down, without overflow for any value below {@link DurationText#MAX}:
     * the script computes it the same way, in two parts.
     */
    public static long scale(long value, long ppm) {
        return value / BackoffSpec.PPM * ppm + value % BackoffSpec.PPM * ppm / BackoffSpec.PPM;
    }
}
