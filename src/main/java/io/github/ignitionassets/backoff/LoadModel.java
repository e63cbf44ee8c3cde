package io.github.ignitionassets.backoff;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;

/**
 * A model of the pull script in a sustained registry outage, under systemd's semantics: a start window of
 * {@code TimeoutStartSec} after which the script is killed, then {@code RestartSec} of nothing, then a new start.
 * It gives the times of every attempt, from which the load figures follow. It uses the script's own integer
 * schedule ({@link Schedule}) and a seeded random source for jitter, so the same spec gives the same figures.
 *
 * <p>Three policies are modelled side by side: ours (schedule kept in a state file across restarts), the seed's
 * (the same schedule kept in a shell variable, so every restart starts it over), and a fixed retry every
 * {@code RestartSec} (the unit alone retrying a pull).
 */
public final class LoadModel {

    /** How the script keeps its place in the schedule. */
    public enum Policy {
        /**
         * State file: a restart resumes the schedule, after waiting for the next allowed attempt; one that fell due
         * while the unit was down is not made, and the first attempt waits for the slot the host would have reached
         * by then ({@link Schedule#firstSlotFromMs}).
         */
        STATE_FILE,
        /** Shell variable: a restart attempts at once and starts the schedule over. */
        RESET_ON_RESTART,
        /** One attempt per start, the unit's restart delay between them. */
        FIXED_RETRY,
        /**
         * Ours, on a host with a cached copy under pull policy {@code newer}: a start makes one attempt when the
         * schedule allows one, none otherwise, and ends at once either way (the service runs on the cached copy). The
         * worst case for the registry: the service stops at once and the unit starts it again after
         * {@code RestartSec} (at least 100 ms, systemd's default).
         */
        CACHED_COPY_NEWER
    }

    /** The least time from one start to the next when a start ends at once: systemd's default RestartSec. */
    static final long MIN_START_INTERVAL_MS = 100;

    private final BackoffSpec spec;
    private final Schedule schedule;
    private final RestartPolicy unit;
    private final long failMs;

    /**
     * @param failMs how long a failed attempt takes (0 for a registry that answers 503 at once; podman 4 takes about
     *               3 s on a refused connection, as it retries by itself)
     */
    public LoadModel(BackoffSpec spec, RestartPolicy unit, long failMs) {
        if (failMs < 0) {
            throw new IllegalArgumentException("a failed attempt cannot take " + failMs + " ms");
        }
        this.spec = spec;
        this.schedule = Schedule.of(spec);
        this.unit = unit;
        this.failMs = failMs;
    }

    /** Start times (ms from the first start) of every attempt one host makes before {@code horizonMs}. */
    public long[] attemptTimes(Policy policy, long horizonMs, RandomGenerator random) {
        LongStream.Builder times = LongStream.builder();
        // The seed's fixed retry had no attempt limit; the others count attempts (per process when they reset).
        int limit = policy == Policy.FIXED_RETRY ? 0 : spec.maxAttempts();
        long windowStart = 0;
        int attempt = 0;
        long delay = schedule.initialDelayMs();
        long nextAt = 0;
        while (policy == Policy.CACHED_COPY_NEWER && windowStart < horizonMs) {
            long exitAt = windowStart;
            if ((limit == 0 || attempt < limit) && windowStart >= nextAt) {
                times.add(windowStart);
                attempt++;
                long sleep = schedule.jitteredSleepMs(delay, random.nextInt() & 0xffffffffL);
                delay = schedule.nextDelayMs(delay);
                exitAt = windowStart + failMs;
                nextAt = exitAt + sleep; // saved after the failure, as the script does before it exits 0
            }
            if (!unit.restarts()) {
                break;
            }
            windowStart = exitAt + Math.max(unit.restartMs(), MIN_START_INTERVAL_MS);
        }
        while (policy != Policy.CACHED_COPY_NEWER && windowStart < horizonMs) {
            long windowEnd = unit.timeoutStartMs() == Long.MAX_VALUE ? Long.MAX_VALUE : windowStart + unit.timeoutStartMs();
            if (policy != Policy.STATE_FILE) {
                delay = schedule.initialDelayMs();
                nextAt = windowStart;
                if (policy == Policy.RESET_ON_RESTART) {
                    attempt = 0;
                }
            }
            long at = Math.max(windowStart, nextAt);
            if (policy == Policy.STATE_FILE && attempt > 0 && nextAt < windowStart) {
                at = schedule.firstSlotFromMs(nextAt, windowStart, delay, () -> random.nextInt() & 0xffffffffL);
            }
            long exitAt = windowEnd; // when this start ends, killed or not
            while (at < windowEnd && at < horizonMs) {
                if (limit > 0 && attempt >= limit) {
                    exitAt = at; // gave up: exits at once, no attempt
                    break;
                }
                times.add(at);
                attempt++;
                long sleep = schedule.jitteredSleepMs(delay, random.nextInt() & 0xffffffffL);
                delay = schedule.nextDelayMs(delay);
                long failedAt = at + failMs;
                nextAt = at + sleep; // recorded before the pull, in case the pull is killed
                if (failedAt >= windowEnd) {
                    break;
                }
                if (policy == Policy.FIXED_RETRY || limit > 0 && attempt >= limit) {
                    exitAt = failedAt;
                    break;
                }
                nextAt = failedAt + sleep;
                at = nextAt;
            }
            if (!unit.restarts() || exitAt == Long.MAX_VALUE) {
                break;
            }
            windowStart = Math.min(exitAt, windowEnd) + unit.restartMs();
            if (limit > 0 && attempt >= limit && policy == Policy.STATE_FILE) {
                break; // every later start exits at once: no more attempts this boot
            }
        }
        return times.build().toArray();
    }

    /** Attempts in {@code [fromMs, toMs)}. */
    public static int count(long[] times, long fromMs, long toMs) {
        return (int) Arrays.stream(times).filter(t -> t >= fromMs && t < toMs).count();
    }
}
