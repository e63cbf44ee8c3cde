package io.github.ignitionassets.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.backoff.DurationText;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Durations from milliseconds to days: formatting and parsing agree, keep order, never overflow. */
class DurationPropertiesTest {

    @Provide
    Arbitrary<Long> millis() {
        long max = DurationText.MAX.toMillis();
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 10_000), Arbitraries.longs().between(0, 86_400_000L * 30),
                Arbitraries.longs().between(0, max));
    }

    @Property(tries = 1000)
    void parsingTheFormattedFormGivesTheSameDuration(@ForAll("millis") long ms) {
        Duration d = Duration.ofMillis(ms);
        assertEquals(d, DurationText.parse(DurationText.format(d)));
        assertEquals(d, DurationText.parse(d.toString()), "ISO-8601 " + d);
    }

    @Property(tries = 1000)
    void orderIsKept(@ForAll("millis") long a, @ForAll("millis") long b) {
        Duration pa = DurationText.parse(DurationText.format(Duration.ofMillis(a)));
        Duration pb = DurationText.parse(DurationText.format(Duration.ofMillis(b)));
        assertEquals(Long.signum(Long.compare(a, b)), Integer.signum(pa.compareTo(pb)));
    }

    @Provide
    Arbitrary<String> durationLike() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25),
                Combinators.combine(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12),
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12)).as((i, f) -> i + "." + f));
        Arbitrary<String> unit = Arbitraries.of("ms", "s", "m", "h", "d", "", "x", "S", "us");
        Arbitrary<String> part = Combinators.combine(number, unit).as((n, u) -> n + u);
        Arbitrary<String> iso = Arbitraries.strings().withChars("PTDHMS0123456789.-+").ofMaxLength(30);
        return Arbitraries.oneOf(part.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l)), iso,
                Arbitraries.strings().ofMaxLength(20));
    }

    @Property(tries = 1000)
    void anyTextParsesWithinLimitsOrIsRefusedWithAMessage(@ForAll("durationLike") String text) {
        try {
            Duration d = DurationText.parse(text);
            assertTrue(!d.isNegative() && d.compareTo(DurationText.MAX) <= 0, text + " -> " + d);
            assertEquals(0, d.getNano() % 1_000_000, "whole milliseconds");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }
}
