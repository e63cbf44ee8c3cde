package io.github.ignitionassets.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * For any spec, unit and policy, the model's attempts are what the script promises: in time order, never closer than
 * the schedule's shortest sleep while the state file keeps the schedule, never more than {@code maxAttempts} in a
 * boot, and, without jitter, the same for every random source.
 */
@StatisticsReport(onFailureOnly = true)
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
        // Mostly units that kill a start and restart it: what the state file is for.
        Arbitrary<Long> timeout = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Long.MAX_VALUE)),
                Tuple.of(3, Arbitraries.longs().between(1, 1_200_000)));
        Arbitrary<Boolean> restarts = Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false));
        return Combinators.combine(timeout, Arbitraries.longs().between(1, 60_000), restarts)
                .as(RestartPolicy::new);
    }

    @Property(tries = 500)
    void attemptsKeepTheSchedulesPromises(@ForAll("specs") BackoffSpec spec, @ForAll("units") RestartPolicy unit,
                                          @ForAll LoadModel.Policy policy, @ForAll long seed,
                                          @ForAll("failTimes") long failMs) {
        long[] times = new LoadModel(spec, unit, failMs).attemptTimes(policy, HORIZON, new Random(seed));
        Statistics.label("policy").collect(policy);
        Statistics.label("jitter").collect(spec.jitter().signum() == 0 ? "none" : "some");
        Statistics.label("unit").collect(!unit.restarts() ? "no restart" : unit.timeoutStartMs() == Long.MAX_VALUE
                ? "no timeout" : "restarts after a timeout");
        Statistics.label("attempts").collect(times.length < 2 ? "0 or 1" : times.length < 100 ? "2 to 99" : "100 or more");
        Statistics.label("policy").coverage(c -> Arrays.stream(LoadModel.Policy.values())
                .forEach(p -> c.check(p).percentage(x -> x > 15)));
        Statistics.label("jitter").coverage(c -> {
            c.check("none").percentage(x -> x > 20);
            c.check("some").percentage(x -> x > 15);
        });
        Statistics.label("unit").coverage(c -> c.check("restarts after a timeout").percentage(x -> x > 35));
        Statistics.label("attempts").coverage(c -> c.check("100 or more").percentage(x -> x > 5));

        Schedule schedule = Schedule.of(spec);
        long delay = schedule.initialDelayMs();
        for (int i = 1; i < times.length; i++, delay = schedule.nextDelayMs(delay)) {
            assertTrue(times[i] > times[i - 1], "out of order at " + i);
            if (policy == LoadModel.Policy.STATE_FILE) {
                long shortest = schedule.minSleepMs(delay);
                assertTrue(times[i] - times[i - 1] >= shortest, String.format("attempts %d and %d %d ms apart, under the"
                        + " shortest sleep %d ms", i, i + 1, times[i] - times[i - 1], shortest));
            }
        }
        if (policy == LoadModel.Policy.STATE_FILE && spec.maxAttempts() > 0) {
            assertTrue(times.length <= spec.maxAttempts(), times.length + " attempts, over maxAttempts " + spec.maxAttempts());
        }
        if (spec.jitter().signum() == 0) {
            assertArrayEquals(times, new LoadModel(spec, unit, failMs).attemptTimes(policy, HORIZON, new Random(seed + 1)));
        }
    }

    @Provide
    static Arbitrary<Long> failTimes() {
        return Arbitraries.of(0L, 1L, 3_000L, 700_000L);
    }
}
