package io.github.ignitionassets.realtools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ignitionassets.generate.GeneratedAssets;
import io.github.ignitionassets.generate.GenerateRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ignition-validate} (Debian package ignition, 2.14) is the judge of our configs. */
@Tag("real-tools")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IgnitionValidateTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "spec {0}, user unit: {1}")
    @CsvSource({
        "3.0.0, false", "3.1.0, false", "3.2.0, false", "3.3.0, false",
        "3.0.0, true", "3.1.0, true", "3.2.0, true", "3.3.0, true"})
    void acceptsEveryGeneratedConfigWithoutWarning(String version, boolean userUnit) throws Exception {
        Path validate = RequiredTool.require("ignition-validate", "ignition");
        GeneratedAssets a = Assets.generate(dir, "registry.example.test:5000/team/agent:1.4", Map.of(),
                GenerateRequest.DEFAULT_SCRIPT_PATH, userUnit, version);
        Path config = Files.write(dir.resolve("config.ign"), a.config());

        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), Map.of(), validate.toString(), config.toString());

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.output(), () -> "ignition-validate must report nothing, not even a warning:\n" + r.describe());
    }

    /** The judge is not a rubber stamp: it rejects what Ignition would reject, so the test above can fail. */
    @ParameterizedTest(name = "spec {0}")
    @CsvSource({"3.0.0", "3.3.0"})
    void rejectsAConfigWhoseScriptModeIsNotANumber(String version) throws Exception {
        Path validate = RequiredTool.require("ignition-validate", "ignition");
        GeneratedAssets a = Assets.generate(dir, "registry.example.test:5000/team/agent:1.4", Map.of(),
                GenerateRequest.DEFAULT_SCRIPT_PATH, false, version);
        String broken = new String(a.config(), java.nio.charset.StandardCharsets.UTF_8).replace("\"mode\":493", "\"mode\":\"0755\"");
        Path config = Files.writeString(dir.resolve("broken.ign"), broken);

        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), Map.of(), validate.toString(), config.toString());

        org.junit.jupiter.api.Assertions.assertNotEquals(0, r.exit(), r::describe);
    }
}
