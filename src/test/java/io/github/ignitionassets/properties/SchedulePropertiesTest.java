package io.github.ignitionassets.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.Schedule;
import java.math.BigDecimal;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** For any valid spec: nominal delays never decrease nor pass maxDelay; each jittered sleep is within bounds. */
@StatisticsReport(onFailureOnly = true)
class SchedulePropertiesTest {

    @Provide
    static Arbitrary<BackoffSpec> specs() {
        Arbitrary<Long> initial = Arbitraries.oneOf(Arbitraries.longs().between(1, 1_000), Arbitraries.longs().between(1, 86_400_000L));
        Arbitrary<BigDecimal> multiplier = Arbitraries.bigDecimals().between(BigDecimal.ONE, BigDecimal.TEN).ofScale(6);
        Arbitrary<Long> extra = Arbitraries.longs().between(0, 86_400_000L);
        Arbitrary<BigDecimal> jitter = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.999999")).ofScale(6);
        return Combinators.combine(initial, multiplier, extra, jitter, Arbitraries.integers().between(0, 20))
                .as((i, m, e, j, attempts) -> new BackoffSpec(Duration.ofMillis(i), m, Duration.ofMillis(i + e), j,
                        attempts, Duration.ofMinutes(10), 0));
    }

    @Property(tries = 1000)
    void nominalDelaysNeverDecreaseNorPassTheCap(@ForAll("specs") BackoffSpec spec) {
        Schedule s = Schedule.of(spec);
        long max = spec.maxDelay().toMillis();
        Statistics.label("cap").collect(s.nominalDelayMs(200) == max ? "reached" : "not reached");
        Statistics.label("cap").coverage(c -> {
            c.check("reached").percentage(p -> p > 20);
            c.check("not reached").percentage(p -> p > 1);
        });
        long previous = s.initialDelayMs();
        assertTrue(previous >= 1 && previous <= max);
        for (int n = 0; n < 200; n++) {
            long next = s.nextDelayMs(previous);
            assertTrue(next >= previous, "decreased: " + previous + " -> " + next);
            assertTrue(next <= max, "past the cap: " + next + " > " + max);
            previous = next;
        }
    }

    @Property(tries = 1000)
    void jitteredSleepsStayWithinBounds(@ForAll("specs") BackoffSpec spec, @ForAll("randoms") long random) {
        Schedule s = Schedule.of(spec);
        double jitter = spec.jitter().doubleValue();
        Statistics.label("spread").collect(s.maxSleepMs(s.initialDelayMs()) - s.minSleepMs(s.initialDelayMs()) > 0 ? "some" : "none");
        Statistics.label("spread").coverage(c -> c.check("some").percentage(p -> p > 25));
        for (long delay = s.initialDelayMs(), n = 0; n < 30; n++, delay = s.nextDelayMs(delay)) {
            long sleep = s.jitteredSleepMs(delay, random);
            assertTrue(sleep >= s.minSleepMs(delay) && sleep <= s.maxSleepMs(delay));
            assertTrue(sleep >= Math.floor(delay * (1 - jitter)) - 1 && sleep <= Math.ceil(delay * (1 + jitter)) + 1,
                    sleep + " outside delay*(1±jitter) for delay " + delay + ", jitter " + jitter);
        }
    }

    @Provide
    Arbitrary<Long> randoms() {
        return Arbitraries.longs().between(0, 0xffffffffL);
    }
}
