package io.github.ignitionassets.backoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

    @Test
    void defaultSpecDoublesFromFiveSecondsToTheFiveMinuteCap() {
        Schedule s = Schedule.of(BackoffSpec.DEFAULTS);
        List<Long> delays = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            delays.add(s.nominalDelayMs(n));
        }
        assertEquals(List.of(5_000L, 10_000L, 20_000L, 40_000L, 80_000L, 160_000L, 300_000L, 300_000L, 300_000L), delays);
    }

    @Test
    void fractionalMultiplierUsesIntegerMilliseconds() {
        var spec = new BackoffSpec(Duration.ofMillis(1000), new BigDecimal("1.5"), Duration.ofMillis(5000),
                BigDecimal.ZERO, 0, Duration.ofMinutes(1), 0);
        Schedule s = Schedule.of(spec);
        assertEquals(List.of(1000L, 1500L, 2250L, 3375L, 5000L),
                List.of(s.nominalDelayMs(1), s.nominalDelayMs(2), s.nominalDelayMs(3), s.nominalDelayMs(4), s.nominalDelayMs(5)));
    }

    @Test
    void jitterBoundsAreDelayTimesOneMinusAndOnePlusJitter() {
        Schedule s = Schedule.of(BackoffSpec.DEFAULTS);
        assertEquals(4_000L, s.minSleepMs(5_000));
        assertEquals(6_000L, s.maxSleepMs(5_000));
        assertEquals(240_000L, s.minSleepMs(300_000));
        assertEquals(360_000L, s.maxSleepMs(300_000));
    }

    @ParameterizedTest
    @CsvSource({
        "5000, 2000000, 10000",
        "1234567, 1500000, 1851850",
        "864000000000, 1000000000, 864000000000000",
        "999999, 999999, 999998",
    })
    void scaleIsExactFloorWithoutOverflow(long value, long ppm, long expected) {
        assertEquals(expected, Schedule.scale(value, ppm));
        assertEquals(BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(ppm)).divideToIntegralValue(BigDecimal.valueOf(1_000_000)).longValueExact(),
                Schedule.scale(value, ppm));
    }

    /** Overdue by exactly whole delays is a slot itself: no wait. */
    @ParameterizedTest
    @CsvSource({"4000, 1, 3999", "4000, 2250, 1750", "4000, 4000, 0", "4000, 10500, 1500", "300000, 3000, 297000"})
    void theNextSlotIsTheDueTimePlusWholeDelays(long delayMs, long overdueMs, long waitMs) {
        assertEquals(waitMs, Schedule.waitForNextSlotMs(delayMs, overdueMs));
    }
}
