package io.github.ignitionassets.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.backoff.DurationText;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Durations from milliseconds to days: formatting and parsing agree, keep order, never overflow. */
@StatisticsReport(onFailureOnly = true)
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
        Statistics.label("largest unit").collect(DurationText.format(d).replaceAll("^[0-9]+", "").replaceAll("[0-9].*", ""));
        Statistics.label("largest unit").coverage(c -> List.of("ms", "s", "m", "h", "d")
                .forEach(unit -> c.check(unit).percentage(p -> p > 1)));
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
        Arbitrary<String> valid = millis().map(ms -> DurationText.format(Duration.ofMillis(ms)));
        Arbitrary<String> validIso = millis().map(ms -> Duration.ofMillis(ms).toString());
        return Arbitraries.oneOf(part.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l)), iso,
                Arbitraries.strings().ofMaxLength(20), valid, validIso);
    }

    @Property(tries = 1000)
    void anyTextParsesWithinLimitsOrIsRefusedWithAMessage(@ForAll("durationLike") String text) {
        try {
            Duration d = DurationText.parse(text);
            Statistics.label("verdict").collect("accepted");
            assertTrue(!d.isNegative() && d.compareTo(DurationText.MAX) <= 0, text + " -> " + d);
            assertEquals(0, d.getNano() % 1_000_000, "whole milliseconds");
        } catch (IllegalArgumentException e) {
            Statistics.label("verdict").collect("refused");
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
        Statistics.label("verdict").coverage(c -> {
            c.check("accepted").percentage(p -> p > 20);
            c.check("refused").percentage(p -> p > 40);
        });
    }
}
