package io.github.ignitionassets.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.spec.PullSpec;
import io.github.ignitionassets.spec.PullSpecs;
import io.github.ignitionassets.spec.SpecFile;
import java.time.Duration;
import java.util.Map;

/**
 * Any bytes as a spec file, YAML or JSON: the reader gives a spec or a report of problems, never another exception,
 * a hang (1 s per input) or running out of memory.
 */
class SpecReaderFuzzTest {

    static {
        // Load and initialise the YAML and JSON readers once, so the 1 s budget per input measures the input,
        // not class loading on the first one.
        SpecFile.parse("image: quay.io/a/b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), false, "warm-up.yaml");
        SpecFile.parse("{\"image\": \"quay.io/a/b\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), true, "warm-up.json");
    }

    @FuzzTest(maxDuration = "5m")
    void specReaderGivesASpecOrProblems(FuzzedDataProvider data) {
        boolean json = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            SpecFile file = SpecFile.parse(bytes, json, json ? "pull.json" : "pull.yaml");
            try {
                PullSpec spec = PullSpecs.resolve(file, Map.of());
                assertNotNull(spec.image());
            } catch (InvalidInputException e) {
                assertFalse(e.problems().isEmpty());
                e.problems().forEach(p -> assertFalse(p.message().isBlank(), p.toString()));
            }
        });
    }
}
