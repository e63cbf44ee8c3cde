package io.github.ignitionassets.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitFileTest {

    private static final String IMAGE = "quay.io/edge-infrastructure/assisted-installer-agent:latest";
    private static final String SCRIPT = "/usr/local/bin/agent-pull-image";

    static String golden(String name) throws IOException {
        try (InputStream in = UnitFileTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void builtInUnitIsExactlyTheDocumentedOne() throws IOException {
        UnitFile unit = UnitFile.builtIn("agent.service", IMAGE, SCRIPT, UnitFile.defaultExecStart("agent.service", IMAGE), "600");
        assertEquals(golden("agent.service"), unit.text());
    }

    @Test
    void insertsThePullStepBeforeTheFirstExecStartPre() {
        String user = """
                [Unit]
                Description=Mine %n
                ExecStartPre=/bin/not-in-service

                [Service]
                Environment=A=%i
                ExecStartPre=/usr/bin/first
                ExecStartPre=/usr/bin/second
                ExecStart=/usr/bin/run %n
                """;
        String expected = """
                [Unit]
                Description=Mine %n
                ExecStartPre=/bin/not-in-service

                [Service]
                Environment=A=%i
                ExecStartPre=/usr/local/bin/agent-pull-image quay.io/org/agent:v1
                ExecStartPre=/usr/bin/first
                ExecStartPre=/usr/bin/second
                ExecStart=/usr/bin/run %n
                """;
        assertEquals(expected, UnitFile.withPullStep("mine.service", user, SCRIPT, "quay.io/org/agent:v1").text());
    }

    @Test
    void insertsBeforeExecStartWhenThereIsNoExecStartPre() {
        String user = "[Service]\r\nExecStart=/usr/bin/run\r\n";
        assertEquals("[Service]\r\nExecStartPre=/s quay.io/a/b\r\nExecStart=/usr/bin/run\r\n",
                UnitFile.withPullStep("a.service", user, "/s", "quay.io/a/b").text());
    }

    @Test
    void neverInsertsTheStepTwice() {
        String once = UnitFile.withPullStep("a.service", "[Service]\nExecStart=/usr/bin/run\n", SCRIPT, "quay.io/a/b").text();
        assertEquals(once, UnitFile.withPullStep("a.service", once, SCRIPT, "quay.io/a/b").text());
    }

    @Test
    void skipsCommandsContinuedFromThePreviousLine() {
        String user = "[Service]\nEnvironment=X=1 \\\nExecStart=notacommand\nExecStart=/usr/bin/run\n";
        assertEquals("[Service]\nEnvironment=X=1 \\\nExecStart=notacommand\nExecStartPre=/s quay.io/a/b\nExecStart=/usr/bin/run\n",
                UnitFile.withPullStep("a.service", user, "/s", "quay.io/a/b").text());
    }

    @Test
    void neverInsertsInsideALineContinuedPastAComment() {
        String user = "[Service]\nEnvironment=OPTS=--a \\\n# systemd skips this line and goes on\nExecStart=--b\nExecStart=/usr/bin/run\n";
        assertEquals("[Service]\nEnvironment=OPTS=--a \\\n# systemd skips this line and goes on\nExecStart=--b\n"
                + "ExecStartPre=/s quay.io/a/b\nExecStart=/usr/bin/run\n", UnitFile.withPullStep("a.service", user, "/s", "quay.io/a/b").text());
    }

    @Test
    void recognisesTheStepWrittenOverTwoLines() {
        String user = "[Service]\nExecStartPre=-/s \\\n  quay.io/a/b\nExecStart=/usr/bin/run\n";
        assertEquals(user, UnitFile.withPullStep("a.service", user, "/s", "quay.io/a/b").text());
    }

    @Test
    void refusesALineThatRunsTheScriptWithOtherArguments() {
        var e = assertThrows(IllegalArgumentException.class, () -> UnitFile.withPullStep("a.service",
                "[Service]\nExecStartPre=/s \\\n quay.io/other\nExecStart=/usr/bin/run\n", "/s", "quay.io/a/b"));
        assertTrue(e.getMessage().startsWith("lines 2-3 already run /s"), e.getMessage());
    }

    @Test
    void keepsTheUsersLineEndingsByteForByte() {
        String user = "[Service]\r\nExecStart=/usr/bin/run\nRestart=always\r\n";
        assertEquals("[Service]\r\nExecStartPre=/s quay.io/a/b\r\nExecStart=/usr/bin/run\nRestart=always\r\n",
                UnitFile.withPullStep("a.service", user, "/s", "quay.io/a/b").text());
    }

    @Test
    void refusesAUnitWithNothingToRunBefore() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> UnitFile.withPullStep("a.service", "[Unit]\nDescription=x\n[Service]\nType=oneshot\n", SCRIPT, "quay.io/a/b"));
        assertTrue(e.getMessage().contains("no ExecStartPre= or ExecStart="));
    }

    @Test
    void escapesSpecifiersInValuesWeInsert() {
        assertEquals("ExecStartPre=\"/opt/my scripts/100%%pull\" quay.io/a/b", UnitFile.pullStep("/opt/my scripts/100%pull", "quay.io/a/b"));
        assertEquals("/opt/$$HOME/x", UnitText.argument("/opt/$HOME/x"));
        assertEquals("\"a\\\\b\\\"c\"", UnitText.argument("a\\b\"c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent.service", "my-agent_2.service", "a:b.service", "A-.Z9.service", "..service"})
    void acceptsServiceNames(String name) {
        assertEquals(Optional.empty(), UnitFile.checkName(name));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
        "agent.timer => must end in .service",
        "agent => must end in .service",
        "agent@.service => template",
        "agent@x.service => template",
        "a b.service => not a valid unit name",
        ".service => not a valid unit name",
        "a/b.service => not a valid unit name",
        "\u00e9.service => not a valid unit name",
        "~~ => is empty",
        "a\\b.service => not a valid unit name",
        "A\\x2d.service => not a valid unit name",
        "a\\.service => not a valid unit name",
    })
    void rejectsWhatIsNotAPlainService(String name, String message) {
        assertTrue(UnitFile.checkName(name).orElseThrow().contains(message));
    }

    @Test
    void namesUpTo255CharactersAreAllowed() {
        assertEquals(Optional.empty(), UnitFile.checkName("a".repeat(247) + ".service"));
        assertTrue(UnitFile.checkName("a".repeat(248) + ".service").orElseThrow().contains("not a valid unit name"));
    }

    @ParameterizedTest
    @CsvSource({"600, 600000", "' 0600 ', 600000", "999999999999, 999999999999000", "1 2, 3000", "10min, 600000", "1h 30min, 5400000", "2.5s, 2500", "500ms, 500", "3, 3000"})
    void readsSystemdTimeSpans(String text, long millis) {
        assertEquals(millis, TimeSpan.parseMillis(text).getAsLong());
    }

    @Test
    void infinityHasNoTimeout() {
        assertTrue(TimeSpan.parseMillis("infinity").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "0", "000", "-5", "+5", "5 parsecs", "", "\u0665"})
    void rejectsWhatSystemdWouldNot(String text) {
        assertThrows(IllegalArgumentException.class, () -> TimeSpan.parseMillis(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000000000000w", "18446744073709", "999999999999999", "30500569w", "9223372036854775808us",
        "18446744073708s 1551615us"})
    void refusesSpansAboveSystemdsLimitAsTooLarge(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> TimeSpan.parseMillis(text));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void theLargestSpanSystemdTakesIsReadExactly() {
        assertEquals(18_446_744_073_708_000L, TimeSpan.parseMillis("18446744073708").getAsLong());
        assertEquals(9_223_372_036_854_775L, TimeSpan.parseMillis("9223372036854775807us").getAsLong());
        assertEquals(18_446_744_073_709_551L, TimeSpan.parseMillis("18446744073708s 1551614us").getAsLong());
    }
}
