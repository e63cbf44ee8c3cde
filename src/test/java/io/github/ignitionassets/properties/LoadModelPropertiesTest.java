package io.github.ignitionassets.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.LoadModel;
import io.github.ignitionassets.backoff.RestartPolicy;
import io.github.ignitionassets.backoff.Schedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The model gives the attempt times of the plain simulation below, which asks the {@link Schedule} for every delay
 * and sleep as the script does, for any spec, unit, policy and random source: the load figures must not move when
 * the model is made cheaper to run.
 */
class LoadModelPropertiesTest {

    private static final long HORIZON = 3_600_000L;

    @Provide
    static Arbitrary<BackoffSpec> specs() {
        Arbitrary<Long> initial = Arbitraries.oneOf(Arbitraries.longs().between(100, 2_000), Arbitraries.longs().between(2_000, 900_000));
        Arbitrary<BigDecimal> multiplier = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ONE),
                Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("1.00001")).ofScale(6),
                Arbitraries.bigDecimals().between(BigDecimal.ONE, BigDecimal.TEN).ofScale(6));
        Arbitrary<Long> extra = Arbitraries.oneOf(Arbitraries.longs().between(0, 2_000), Arbitraries.longs().between(0, 3_600_000L));
        Arbitrary<BigDecimal> jitter = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.9")).ofScale(6));
        Arbitrary<Integer> attempts = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 40));
        return Combinators.combine(initial, multiplier, extra, jitter, attempts)
                .as((i, m, e, j, a) -> new BackoffSpec(Duration.ofMillis(i), m, Duration.ofMillis(i + e), j, a,
                        Duration.ofMinutes(10), 0));
    }

    @Provide
    static Arbitrary<RestartPolicy> units() {
        Arbitrary<Long> timeout = Arbitraries.oneOf(Arbitraries.just(Long.MAX_VALUE), Arbitraries.longs().between(1, 1_200_000));
        return Combinators.combine(timeout, Arbitraries.longs().between(1, 60_000), Arbitraries.of(true, false))
                .as(RestartPolicy::new);
    }

    @Property(tries = 500)
    void givesTheAttemptsOfThePlainSimulation(@ForAll("specs") BackoffSpec spec, @ForAll("units") RestartPolicy unit,
                                              @ForAll LoadModel.Policy policy, @ForAll long seed,
                                              @ForAll("failTimes") long failMs) {
        long[] expected = plainSimulation(spec, unit, failMs, policy, new Random(seed));
        long[] actual = new LoadModel(spec, unit, failMs).attemptTimes(policy, HORIZON, new Random(seed));
        assertArrayEquals(expected, actual);
    }

    @Provide
    static Arbitrary<Long> failTimes() {
        return Arbitraries.of(0L, 1L, 3_000L, 700_000L);
    }

    /** The model as first written: each delay and sleep from the schedule, attempt by attempt. */
    private static long[] plainSimulation(BackoffSpec spec, RestartPolicy unit, long failMs, LoadModel.Policy policy,
                                          Random random) {
        Schedule schedule = Schedule.of(spec);
        long[] times = new long[64];
        int count = 0;
        int limit = policy == LoadModel.Policy.FIXED_RETRY ? 0 : spec.maxAttempts();
        long windowStart = 0;
        int attempt = 0;
        long delay = schedule.initialDelayMs();
        long nextAt = 0;
        while (windowStart < HORIZON) {
            long windowEnd = unit.timeoutStartMs() == Long.MAX_VALUE ? Long.MAX_VALUE : windowStart + unit.timeoutStartMs();
            if (policy != LoadModel.Policy.STATE_FILE) {
                delay = schedule.initialDelayMs();
                nextAt = windowStart;
                if (policy == LoadModel.Policy.RESET_ON_RESTART) {
                    attempt = 0;
                }
            }
            long at = Math.max(windowStart, nextAt);
            long exitAt = windowEnd;
            while (at < windowEnd && at < HORIZON) {
                if (limit > 0 && attempt >= limit) {
                    exitAt = at;
                    break;
                }
                if (count == times.length) {
                    times = Arrays.copyOf(times, count * 2);
                }
                times[count++] = at;
                attempt++;
                long sleep = schedule.jitteredSleepMs(delay, random.nextInt() & 0xffffffffL);
                long failedAt = at + failMs;
                nextAt = at + sleep;
                delay = schedule.nextDelayMs(delay);
                if (failedAt >= windowEnd) {
                    break;
                }
                if (policy == LoadModel.Policy.FIXED_RETRY || limit > 0 && attempt >= limit) {
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
            if (limit > 0 && attempt >= limit && policy == LoadModel.Policy.STATE_FILE) {
                break;
            }
        }
        return Arrays.copyOf(times, count);
    }
}
