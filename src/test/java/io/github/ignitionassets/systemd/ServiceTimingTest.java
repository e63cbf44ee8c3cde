package io.github.ignitionassets.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ServiceTimingTest {

    @Test
    void readsTheBuiltInUnit() {
        ServiceTiming t = ServiceTiming.of(UnitFile.builtIn("a.service", "quay.io/a/b", "/s", "/x", "600").text());
        assertEquals(OptionalLong.of(600_000), t.timeoutStartMs());
        assertEquals(3_000, t.restartMs());
        assertTrue(t.restartsAfterTimeout());
    }

    @Test
    void usesSystemdDefaultsForWhatIsMissing() {
        ServiceTiming t = ServiceTiming.of("[Service]\nExecStart=/x\n");
        assertEquals(OptionalLong.of(90_000), t.timeoutStartMs());
        assertEquals(100, t.restartMs());
        assertFalse(t.restartsAfterTimeout());
    }

    @Test
    void readsCrlfLinesAndBlankOnes() {
        ServiceTiming t = ServiceTiming.of("\r\n[Service]\r\n\r\nTimeoutStartSec=20\r\r\nRestartSec=5\rRestart=no\n\n");
        assertEquals(OptionalLong.of(20_000), t.timeoutStartMs());
        assertEquals(5_000, t.restartMs(), "systemd's read_line ends a line at a lone CR too");
        assertFalse(t.restartsAfterTimeout());
        assertTrue(ServiceTiming.of("[Service]\r\nRestart=always").restartsAfterTimeout());
    }

    @Test
    void lastAssignmentWinsAndOnlyServiceCounts() {
        ServiceTiming t = ServiceTiming.of("[Unit]\nRestartSec=99\n[Service]\nTimeoutSec=10\nTimeoutStartSec=infinity\n"
                + "RestartSec=1min\nRestartSec=0\nRestart=on-failure\n");
        assertEquals(OptionalLong.empty(), t.timeoutStartMs());
        assertEquals(0, t.restartMs());
        assertTrue(t.restartsAfterTimeout());
    }

    @Test
    void aContinuedLineBelongsToTheSettingItContinues() {
        ServiceTiming t = ServiceTiming.of("[Service]\nTimeoutStartSec=30\nExecStart=/bin/a \\\n TimeoutStartSec=5\n");
        assertEquals(OptionalLong.of(30_000), t.timeoutStartMs());
        assertEquals(OptionalLong.of(90_000), ServiceTiming.of("[Service]\nExecStart=/bin/a \\\n# note\n TimeoutStartSec=5\n")
                .timeoutStartMs(), "a comment line does not end the continuation");
        assertEquals(100, ServiceTiming.of("[Service]\nExecStart=/bin/a \\\n# note\n RestartSec=1\n").restartMs());
    }

    @Test
    void aContinuedValueIsJoinedWithASpace() {
        assertEquals(OptionalLong.of(150_000), ServiceTiming.of("[Service]\nTimeoutStartSec=2min \\\n 30s\n").timeoutStartMs());
    }

    @Test
    void aCommentEndingInABackslashDoesNotHideTheNextLine() {
        assertEquals(OptionalLong.of(5_000), ServiceTiming.of("[Service]\n# was 10s \\\nTimeoutStartSec=5\n").timeoutStartMs());
    }

    @Test
    void dropinsApplyInOrderAndEachSettingNamesItsFile() {
        ServiceTiming t = ServiceTiming.of(java.util.List.of(
                new ServiceTiming.Source("agent.service", "[Service]\nTimeoutStartSec=600\nRestartSec=3\nRestart=always\n"),
                new ServiceTiming.Source("agent.service.d/10.conf", "[Service]\nTimeoutStartSec=ten\nRestartSec=\n"),
                new ServiceTiming.Source("agent.service.d/20.conf", "[Unit]\nRestart=no\n[Service]\nRestart=on-abnormal\n")));
        assertEquals(600_000, t.timeoutStartMs().getAsLong(), "an assignment systemd cannot parse is ignored");
        assertEquals("agent.service", t.timeoutStartFrom());
        assertEquals(100, t.restartMs(), "an empty assignment resets to the default");
        assertEquals(ServiceTiming.DEFAULT, t.restartSecFrom());
        assertEquals("on-abnormal", t.restart());
        assertEquals("agent.service.d/20.conf", t.restartFrom());
        assertTrue(t.restartsAfterTimeout());
        assertFalse(t.restartsAfterFailure());
    }
}
