package io.github.ignitionassets.realtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.GeneratedAssets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** shellcheck (as POSIX sh, every severity), dash and bash read the script and find nothing to say. */
@Tag("real-tools")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScriptSyntaxTest {

    @TempDir
    Path dir;

    static Stream<Map<String, String>> specs() {
        Map<String, String> slow = new LinkedHashMap<>();
        slow.put("initialDelay", "5s");
        slow.put("multiplier", "1.5");
        slow.put("maxDelay", "10m");
        slow.put("jitter", "0.25");
        slow.put("maxAttempts", "0");
        slow.put("attemptTimeout", "15m");
        return Stream.of(Map.of(), Assets.fastBackoff(2), slow);
    }

    private Path script(Map<String, String> backoff, String scriptPath) throws Exception {
        GeneratedAssets a = Assets.generate(dir, "registry.example.test:5000/team/agent:1.4", backoff, scriptPath, false, "3.1.0");
        return Files.write(dir.resolve(a.script().fileName()), a.script().bytes());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void shellcheckReportsNothing(Map<String, String> backoff) throws Exception {
        Path shellcheck = RequiredTool.require("shellcheck", "shellcheck");
        Path script = script(backoff, GenerateRequest.DEFAULT_SCRIPT_PATH);

        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), Map.of(), shellcheck.toString(), "-s", "sh", "-S", "style",
                script.toString());

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.output(), r::describe);
    }

    @Test
    void shellcheckReportsNothingForAScriptNameThatNeedsQuoting() throws Exception {
        Path shellcheck = RequiredTool.require("shellcheck", "shellcheck");
        Path script = script(Map.of(), "/opt/my agent/bin/pull$it's");

        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), Map.of(), shellcheck.toString(), "-s", "sh", "-S", "style",
                script.toString());

        assertEquals("", r.output(), r::describe);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void dashAndBashParseIt(Map<String, String> backoff) throws Exception {
        Path script = script(backoff, GenerateRequest.DEFAULT_SCRIPT_PATH);
        for (String[] shell : new String[][] {{"dash", "dash"}, {"bash", "bash"}}) {
            Path sh = RequiredTool.require(shell[0], shell[1]);
            Cmd.Result r = Cmd.run(Duration.ofSeconds(30), Map.of(), sh.toString(), "-n", script.toString());
            assertEquals(0, r.exit(), r::describe);
            assertEquals("", r.output(), r::describe);
        }
    }

    /** The checks can fail: a script cut in half (an unclosed while loop) is rejected by all three. */
    @Test
    void everyCheckerRejectsATruncatedScript() throws Exception {
        Path script = script(Map.of(), GenerateRequest.DEFAULT_SCRIPT_PATH);
        String text = Files.readString(script);
        Files.writeString(script, text.substring(0, text.lastIndexOf("done")));
        for (String[] tool : new String[][] {{"dash", "dash", "-n"}, {"bash", "bash", "-n"}, {"shellcheck", "shellcheck", "-s"}}) {
            Path t = RequiredTool.require(tool[0], tool[1]);
            Cmd.Result r = tool[0].equals("shellcheck")
                    ? Cmd.run(Duration.ofSeconds(30), Map.of(), t.toString(), "-s", "sh", script.toString())
                    : Cmd.run(Duration.ofSeconds(30), Map.of(), t.toString(), "-n", script.toString());
            assertNotEquals(0, r.exit(), r::describe);
        }
    }
}
