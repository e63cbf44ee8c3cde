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

    /** Without jitter the slots are the due time plus whole delays; one due exactly at the start is that slot. */
    @ParameterizedTest
    @CsvSource({"4000, 1, 3999", "4000, 2250, 1750", "4000, 4000, 0", "4000, 10500, 1500", "300000, 3000, 297000"})
    void withoutJitterTheFirstSlotIsTheDueTimePlusWholeDelays(long delayMs, long overdueMs, long waitMs) {
        Schedule s = Schedule.of(spec("0"));
        long start = 1_000_000;
        assertEquals(start + waitMs, s.firstSlotFromMs(start - overdueMs, start, delayMs, () -> 12345));
    }

    /** Each missed slot is one jittered sleep after the one before, from the same random numbers as the script's. */
    @Test
    void withJitterEachMissedSlotIsOneJitteredSleepAfterTheLast() {
        Schedule s = Schedule.of(spec("0.2"));
        long[] randoms = {0, 1600, 800};
        int[] drawn = {0};
        // Sleeps of 3200, 4800 and 4000 ms for a 4 s delay: slots at due + 3.2 s, + 8 s, + 12 s.
        long due = 50_000;
        long slot = s.firstSlotFromMs(due, due + 8_500, 4_000, () -> randoms[drawn[0]++]);
        assertEquals(due + 12_000, slot);
        assertEquals(3, drawn[0]);
    }

    /** A unit down for hours draws only the last missed slots; the rest go by in whole delays. */
    @Test
    void aLongTimeDownDrawsOnlyTheLastMissedSlots() {
        Schedule s = Schedule.of(spec("0.2"));
        int[] drawn = {0};
        long due = 0;
        long start = 3_600_000;
        long slot = s.firstSlotFromMs(due, start, 250, () -> {
            drawn[0]++;
            return 50; // the nominal delay itself
        });
        assertEquals(start, slot);
        assertEquals(Schedule.MISSED_SLOTS_DRAWN, drawn[0]);
    }

    private static BackoffSpec spec(String jitter) {
        return new BackoffSpec(Duration.ofMillis(250), BigDecimal.valueOf(2), Duration.ofMillis(4_000),
                new BigDecimal(jitter), 0, Duration.ofSeconds(10), 0);
    }
}
