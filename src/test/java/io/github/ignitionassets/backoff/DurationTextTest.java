package io.github.ignitionassets.backoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, 250",
        "5s, 5000",
        "1.5s, 1500",
        "1m30s, 90000",
        "5m, 300000",
        "1h, 3600000",
        "2h, 7200000",
        "1d, 86400000",
        "1h0m1s, 3601000",
        "0s, 0",
        "PT5S, 5000",
        "pt1m30s, 90000",
        "PT0.25S, 250",
        "' 10m ', 600000",
    })
    void parsesUnitsAndIso(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), DurationText.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5|has no unit; write 5s",
        "1.5|has no unit; write 1.5s",
        "''|is empty",
        "5 s|is not a duration",
        "5sec|is not a duration",
        "s|is not a duration",
        "30s1m|misorders",
        "1s1s|repeats",
        "1.5ms|not a whole number of milliseconds",
        "PT-5S|negative",
        "PTxS|not an ISO-8601 duration",
        "99999999d|longer than the longest allowed",
        "-5s|is not a duration",
    })
    void rejectsWithAMessageThatShowsTheFix(String text, String expected) {
        var e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "250, 250ms", "1500, 1s500ms", "90000, 1m30s", "3600000, 1h", "90061001, 1d1h1m1s1ms"})
    void formatsLargestUnitFirstAndParsesBack(long millis, String text) {
        assertEquals(text, DurationText.format(Duration.ofMillis(millis)));
        assertEquals(Duration.ofMillis(millis), DurationText.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0.000", "5, 0.005", "1250, 1.250", "300000, 300.000"})
    void writesSecondsAsSleepTakesThem(long millis, String seconds) {
        assertEquals(seconds, DurationText.seconds(millis));
    }
}
