package io.github.ignitionassets.backoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The load figures depend on every draw: they must be java.util.Random's, in the same order. */
class UnsharedRandomTest {

    @ParameterizedTest
    @ValueSource(longs = {20261125L, 0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x5DEECE66DL})
    void drawsWhatRandomDrawsForTheSameSeed(long seed) {
        Random expected = new Random(seed);
        UnsharedRandom actual = new UnsharedRandom(seed);
        for (int i = 0; i < 10_000; i++) {
            if (i % 3 == 2) {
                assertEquals(expected.nextLong(), actual.nextLong(), "draw " + i);
            } else {
                assertEquals(expected.nextInt(), actual.nextInt(), "draw " + i);
            }
        }
    }
}
