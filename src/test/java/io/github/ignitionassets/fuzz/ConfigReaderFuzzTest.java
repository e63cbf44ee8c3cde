package io.github.ignitionassets.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ignitionassets.ignition.ConfigValidator;
import io.github.ignitionassets.ignition.Finding;
import io.github.ignitionassets.ignition.ValidationReport;
import java.time.Duration;

/**
 * Any bytes as an Ignition config for the validate goal: a report of errors and warnings, never an exception, a hang
 * (1 s per input) or running out of memory. The validator catches nothing of its own, so an exception from it (a
 * stack overflow included) fails this test. The seed corpus holds configs of the validator's corpus and edge cases.
 */
class ConfigReaderFuzzTest {

    static {
        // Load and initialise the reader once, so the 1 s budget per input measures the input.
        ConfigValidator.validate("{\"ignition\":{\"version\":\"3.1.0\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "5m")
    void validatorReportsAndNeverThrows(byte[] config) {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            ValidationReport report = assertDoesNotThrow(() -> ConfigValidator.validate(config),
                    "the validator threw: a bug of ours, not a finding");
            assertNotNull(report);
            for (Finding f : report.errors()) {
                assertNotNull(f.message());
            }
        });
    }
}
