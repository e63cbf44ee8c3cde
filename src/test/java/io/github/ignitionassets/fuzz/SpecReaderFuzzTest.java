package io.github.ignitionassets.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.spec.PullSpec;
import io.github.ignitionassets.spec.PullSpecs;
import io.github.ignitionassets.spec.SpecFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Any bytes as a spec file, YAML or JSON: the reader gives a spec or a report of problems, each with its field and
 * message and, when it names a place, the file. Any other exception fails the test: the readers turn only their
 * libraries' own syntax errors into problems, never a bug of ours. No input may hang (1 s each) or run out of memory.
 */
class SpecReaderFuzzTest {

    static {
        // Load and initialise the YAML and JSON readers once, so the 1 s budget per input measures the input,
        // not class loading on the first one.
        SpecFile.parse("image: quay.io/a/b\n".getBytes(StandardCharsets.UTF_8), false, "warm-up.yaml");
        SpecFile.parse("{\"image\": \"quay.io/a/b\"}".getBytes(StandardCharsets.UTF_8), true, "warm-up.json");
    }

    @FuzzTest(maxDuration = "5m")
    void specReaderGivesASpecOrProblems(FuzzedDataProvider data) {
        boolean json = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        String name = json ? "pull.json" : "pull.yaml";
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            SpecFile file = SpecFile.parse(bytes, json, name);
            file.problems().forEach(p -> {
                assertFalse(p.field().isBlank(), p.toString());
                assertFalse(p.message().isBlank(), p.toString());
                assertTrue(p.source().isEmpty() || p.source().startsWith(name), p.toString());
            });
            try {
                PullSpec spec = PullSpecs.resolve(file, SpecFile.fromPom(null, null));
                assertTrue(file.problems().isEmpty(), "a spec despite " + file.problems());
                assertNotNull(spec.image());
            } catch (InvalidInputException e) {
                assertFalse(e.problems().isEmpty());
                assertTrue(e.problems().containsAll(file.problems()), "problems of the file were dropped");
            }
        });
    }
}
