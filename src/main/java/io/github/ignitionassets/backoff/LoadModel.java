package io.github.ignitionassets.backoff;

import java.util.random.RandomGenerator;

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
        /** State file: a restart resumes the schedule, after waiting for the next allowed attempt. */
        STATE_FILE,
        /** Shell variable: a restart attempts at once and starts the schedule over. */
        RESET_ON_RESTART,
        /** One attempt per start, the unit's restart delay between them. */
        FIXED_RETRY
    }

    private final BackoffSpec spec;
    private final Schedule schedule;
    private final RestartPolicy unit;
    private final long failMs;
    /*
     * The schedule's steps, worked out once per model instead of once per attempt: the fleet figures simulate up to
     * 200k attempts in each build's fresh JVM, mostly interpreted, where every call and division counts. Step i is
     * the nominal delay after i attempts since the schedule (re)started; for it, the lowest sleep jitter can give
     * and how many sleeps it can choose from. Steps are added as attempts reach them, and stop at the first delay
     * that its successor repeats (the cap, or a multiplier too small to move it), which then serves every later
     * attempt.
     */
    private long[] delayMs = new long[16];
    private long[] lowestSleepMs = new long[16];
    private long[] sleepChoices = new long[16];
    private int steps;
    private boolean lastStepRepeats;

    /**
     * @param failMs how long a failed attempt takes (0 for a registry that answers 503 at once; podman 4 takes about
     *               3 s on a refused connection, as it retries by itself)
     */
    public LoadModel(BackoffSpec spec, RestartPolicy unit, long failMs) {
        this.spec = spec;
        this.schedule = Schedule.of(spec);
        this.unit = unit;
        this.failMs = failMs;
        addStep(schedule.initialDelayMs());
    }

    /** Start times (ms from the first start) of every attempt one host makes before {@code horizonMs}. */
    public long[] attemptTimes(Policy policy, long horizonMs, RandomGenerator random) {
        long[] times = new long[64];
        int count = 0;
        // The seed's fixed retry had no attempt limit; the others count attempts (per process when they reset).
        int limit = policy == Policy.FIXED_RETRY ? 0 : spec.maxAttempts();
        long windowStart = 0;
        int attempt = 0;
        int step = 0;
        long nextAt = 0;
        // Read once, not once a window: the fixed retry alone has thousands of windows, run mostly interpreted.
        long timeoutMs = unit.timeoutStartMs();
        long restartMs = unit.restartMs();
        boolean restarts = unit.restarts();
        while (windowStart < horizonMs) {
            long windowEnd = timeoutMs == Long.MAX_VALUE ? Long.MAX_VALUE : windowStart + timeoutMs;
            if (policy != Policy.STATE_FILE) {
                step = 0;
                nextAt = windowStart;
                if (policy == Policy.RESET_ON_RESTART) {
                    attempt = 0;
                }
            }
            long at = Math.max(windowStart, nextAt);
            long exitAt = windowEnd; // when this start ends, killed or not
            while (at < windowEnd && at < horizonMs) {
                if (limit > 0 && attempt >= limit) {
                    exitAt = at; // gave up: exits at once, no attempt
                    break;
                }
                if (count == times.length) {
                    times = java.util.Arrays.copyOf(times, count * 2);
                }
                times[count++] = at;
                attempt++;
                // Schedule.jitteredSleepMs with its operands looked up: the same sleep from the same draw.
                long sleep = lowestSleepMs[step] + (random.nextInt() & 0xffffffffL) % sleepChoices[step];
                long failedAt = at + failMs;
                nextAt = at + sleep; // recorded before the pull, in case the pull is killed
                if (step + 1 == steps && !lastStepRepeats) {
                    addStep(schedule.nextDelayMs(delayMs[step]));
                }
                if (step + 1 < steps) {
                    step++;
                }
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
            if (!restarts || exitAt == Long.MAX_VALUE) {
                break;
            }
            windowStart = Math.min(exitAt, windowEnd) + restartMs;
            if (limit > 0 && attempt >= limit && policy == Policy.STATE_FILE) {
                break; // every later start exits at once: no more attempts this boot
            }
        }
        return java.util.Arrays.copyOf(times, count);
    }

    /** Appends the step for a nominal delay, unless it repeats the last one. */
    private void addStep(long delay) {
        if (steps > 0 && delay == delayMs[steps - 1]) {
            lastStepRepeats = true;
            return;
        }
        if (steps == delayMs.length) {
            delayMs = java.util.Arrays.copyOf(delayMs, steps * 2);
            lowestSleepMs = java.util.Arrays.copyOf(lowestSleepMs, steps * 2);
            sleepChoices = java.util.Arrays.copyOf(sleepChoices, steps * 2);
        }
        delayMs[steps] = delay;
        lowestSleepMs[steps] = schedule.minSleepMs(delay);
        sleepChoices[steps] = schedule.maxSleepMs(delay) - schedule.minSleepMs(delay) + 1;
        steps++;
    }

    /** Attempts in {@code [fromMs, toMs)}. */
    public static int count(long[] times, long fromMs, long toMs) {
        int n = 0;
        for (long t : times) {
            if (t >= fromMs && t < toMs) {
                n++;
            }
        }
        return n;
    }
}
