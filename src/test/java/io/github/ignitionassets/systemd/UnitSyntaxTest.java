package io.github.ignitionassets.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ignitionassets.systemd.UnitDocument.Option;
import io.github.ignitionassets.systemd.UnitSyntax.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnitSyntaxTest {

    private static UnitDocument goSystemd(String text) {
        return UnitSyntax.read(text, Dialect.GO_SYSTEMD);
    }

    private static UnitDocument systemd(String text) {
        return UnitSyntax.read(text, Dialect.SYSTEMD);
    }

    @Test
    void goSystemdNoticesALongLineOnlyWhenItsBufferHoldsEnough() {
        assertEquals(Optional.empty(), goSystemd("[Unit]\n" + "A=bbbbbbbb\n".repeat(300) + "A=" + "a".repeat(2100) + "\n").error());
        assertEquals(Optional.of("line too long (max 2048 bytes)"),
                goSystemd("[Unit]\n" + "A=bbbbbbbb\n".repeat(185) + "A=" + "a".repeat(2100) + "\n").error());
    }

    @Test
    void systemdReadsLongLines() {
        UnitDocument unit = systemd("[Service]\nExecStart=/bin/" + "a".repeat(5000) + "\nTimeoutStartSec=5\n");
        assertEquals(Optional.empty(), unit.error());
        assertEquals(List.of("ExecStart", "TimeoutStartSec"), unit.options().stream().map(Option::name).toList());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void reportsWhatBothRefuse(Dialect dialect) {
        assertEquals(Optional.of("EOF"), UnitSyntax.read("[Unit]\nA", dialect).error());
        assertEquals(Optional.of("unexpected newline encountered while parsing option name"),
                UnitSyntax.read("[Unit]\nA\nB=1\n", dialect).error());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void installSectionCountsWhenItHasAnOption(Dialect dialect) {
        assertTrue(UnitSyntax.read("[Install]\nWantedBy=x\n", dialect).hasInstall());
        assertFalse(UnitSyntax.read("[Install]\n", dialect).hasInstall());
        assertFalse(UnitSyntax.read("[install]\nWantedBy=x\n", dialect).hasInstall());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void optionsKnowTheirSectionAndLines(Dialect dialect) {
        UnitDocument unit = UnitSyntax.read("# c\n[Unit]\nDescription = a b \n\n[Service]\n  ExecStart=/bin/a \\\n  --flag\nRestart=always", dialect);
        assertEquals(Optional.empty(), unit.error());
        List<Option> options = unit.options();
        assertEquals(new Option("Unit", "Description", "a b", 3, 3), options.get(0));
        assertEquals("Service", options.get(1).section());
        assertEquals("ExecStart", options.get(1).name());
        assertEquals(6, options.get(1).firstLine());
        assertEquals(7, options.get(1).lastLine());
        assertEquals(new Option("Service", "Restart", "always", 8, 8), options.get(2));
        assertEquals(unit.text().indexOf("  ExecStart"), unit.offsetOfLine(6));
    }

    @Test
    void continuedValuesAreJoinedAsEachProgramJoinsThem() {
        String text = "[Service]\nExecStart=/bin/a \\\n  TimeoutStartSec=5\n";
        assertEquals("/bin/a \\\n  TimeoutStartSec=5", goSystemd(text).options().get(0).value());
        assertEquals("/bin/a    TimeoutStartSec=5", systemd(text).options().get(0).value());
        assertEquals(1, systemd(text).options().size());
        assertEquals(1, goSystemd(text).options().size());
    }

    @Test
    void systemdSkipsCommentLinesInsideAContinuation() {
        String text = "[Service]\nExecStart=/bin/a \\\n# note\n; more\n  --b\nRestart=always\n";
        assertEquals(List.of(new Option("Service", "ExecStart", "/bin/a    --b", 2, 5), new Option("Service", "Restart", "always", 6, 6)),
                systemd(text).options());
        assertEquals(List.of("ExecStart", "ExecStart"), goSystemd("[Service]\nExecStart=/bin/a \\\n# note\nExecStart=x\n")
                .options().stream().map(Option::name).toList(), "go-systemd ends the value at the comment");
    }

    @Test
    void onlyGoSystemdContinuesACommentEndingInABackslash() {
        String text = "[Service]\n# a comment \\\nTimeoutStartSec=5\n";
        assertEquals(List.of(), goSystemd(text).options());
        assertEquals(List.of(new Option("Service", "TimeoutStartSec", "5", 3, 3)), systemd(text).options());
    }

    @Test
    void systemdEndsLinesAtALoneCarriageReturn() {
        String text = "[Service]\r\nRestartSec=5\rRestart=no\r\nExecStart=/bin/a \\\r\n b\r\n";
        assertEquals(List.of(new Option("Service", "RestartSec", "5", 2, 2), new Option("Service", "Restart", "no", 3, 3),
                new Option("Service", "ExecStart", "/bin/a   b", 4, 5)), systemd(text).options());
        UnitDocument go = goSystemd(text);
        assertEquals(List.of("RestartSec", "ExecStart"), go.options().stream().map(Option::name).toList());
        assertEquals("5\rRestart=no", go.options().get(0).value(), "go-systemd reads to LF only");
        assertEquals(Optional.of("unexpected newline encountered while parsing option name"), go.error(),
                "a CR before the LF stops the continuation, so ' b' is an option name");
        assertEquals(text.indexOf("Restart=no"), systemd(text).offsetOfLine(3));
    }

    @Test
    void anEscapedBackslashDoesNotContinueForSystemd() {
        String text = "[Service]\nEnvironment=A=x\\\\\nTimeoutStartSec=5\n";
        assertEquals(List.of("Environment", "TimeoutStartSec"), systemd(text).options().stream().map(Option::name).toList());
        assertEquals(List.of("Environment"), goSystemd(text).options().stream().map(Option::name).toList());
    }

    @Test
    void systemdIgnoresLinesBeforeTheFirstSection() {
        String text = "Stray=[Service]\nTimeoutStartSec=5\n[Unit]\nDescription=x\n";
        assertEquals(List.of(new Option("Unit", "Description", "x", 4, 4)), systemd(text).options());
        assertEquals("Service", goSystemd(text).options().get(0).section(), "go-systemd skips to any '['");
    }

    @Test
    void aSectionHeaderForSystemdIsOneLineEndingInABracket() {
        assertEquals(Optional.empty(), systemd("[Service]  \nA=1\n").error());
        assertTrue(systemd("[Serv\nice]\nA=1\n").error().isPresent());
        assertEquals("Serv\nice", goSystemd("[Serv\nice]\nA=1\n").options().get(0).section());
    }
}
