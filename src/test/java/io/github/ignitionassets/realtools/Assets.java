package io.github.ignitionassets.realtools;

import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.core.PomElement;
import io.github.ignitionassets.generate.AssetGenerator;
import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.GeneratedAssets;
import io.github.ignitionassets.generate.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Generates assets through the plugin's real generator, varying only what a test names. */
final class Assets {

    /** A user's own unit, as a user might write it: the generator inserts the pull step before ExecStart=. */
    static final String USER_UNIT = """
            [Unit]
            Description=My agent, with my own settings
            After=network-online.target
            Wants=network-online.target

            [Service]
            Environment=AGENT_MODE=edge
            ExecStart=/usr/bin/podman run --pull=never --rm --name my-agent %s
            Restart=on-failure
            RestartSec=5

            [Install]
            WantedBy=multi-user.target
            """;

    private Assets() {
    }

    /** Millisecond-scale backoff for tests: 50ms, 100ms, 200ms, 200ms, ... with no jitter. */
    static Map<String, String> fastBackoff(int maxAttempts) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("initialDelay", "50ms");
        b.put("multiplier", "2");
        b.put("maxDelay", "200ms");
        b.put("jitter", "0");
        b.put("maxAttempts", Integer.toString(maxAttempts));
        b.put("attemptTimeout", "30s");
        return b;
    }

    static GeneratedAssets generate(Path dir, String image, Map<String, String> backoff, String scriptPath,
                                    boolean userUnit, String ignitionVersion) {
        return generate(dir, image, backoff, scriptPath, userUnit, ignitionVersion, GenerateRequest.DEFAULT_STATE_DIRECTORY);
    }

    /** As above, with the script's state directory (tests that run the script use a scratch one, never /run). */
    static GeneratedAssets generate(Path dir, String image, Map<String, String> backoff, String scriptPath,
                                    boolean userUnit, String ignitionVersion, String stateDirectory) {
        return generate(dir, image, backoff, scriptPath, userUnit, ignitionVersion, stateDirectory, UnaryOperator.identity());
    }

    /** As above, with the request changed by {@code change} (a proxy, say). */
    static GeneratedAssets generate(Path dir, String image, Map<String, String> backoff, String scriptPath,
                                    boolean userUnit, String ignitionVersion, String stateDirectory,
                                    UnaryOperator<GenerateRequest> change) {
        try {
            GenerateRequest d = GenerateRequest.defaults(dir, image);
            Path unitFile = null;
            if (userUnit) {
                unitFile = dir.resolve("my-agent.service.in");
                Files.writeString(unitFile, USER_UNIT.formatted(image));
            }
            GenerateRequest r = new GenerateRequest(dir, image, null, false, PomElement.of("backoff", backoff), d.unitName(), scriptPath,
                    unitFile, null, d.timeoutStartSec(), ignitionVersion, dir.resolve("out"), d.configName())
                    .withStateDirectory(stateDirectory);
            return AssetGenerator.generate(change.apply(r));
        } catch (InvalidInputException e) {
            throw new AssertionError("generator rejected a valid request: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the assets as the goal does (script 0755) and returns the output directory. */
    static Path write(GeneratedAssets a, Path dir) {
        try {
            Map<Path, byte[]> files = new LinkedHashMap<>();
            a.files().forEach((name, bytes) -> files.put(dir.resolve(name), bytes));
            OutputFiles.write(files, Set.of(dir.resolve(a.script().fileName())));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
