package io.github.ignitionassets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Same inputs, same bytes: in another directory, time zone and locale. */
@ResourceLock("java.util.Locale")
class ReproducibilityTest {

    private final Locale locale = Locale.getDefault();
    private final TimeZone zone = TimeZone.getDefault();

    @TempDir
    Path one;

    @TempDir
    Path two;

    @AfterEach
    void restore() {
        Locale.setDefault(locale);
        TimeZone.setDefault(zone);
    }

    private Map<String, byte[]> generate(Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("pull.yaml"), """
                image: quay.io/org/agent:v1
                backoff: {initialDelay: 1.5s, multiplier: 1.5, maxDelay: 2m, jitter: 0.25}
                """);
        Path unit = Files.writeString(dir.resolve("agent.service"), "[Service]\nExecStart=/usr/bin/true\n[Install]\nWantedBy=multi-user.target\n");
        var d = GenerateRequest.defaults(dir, null);
        var request = new GenerateRequest(dir, null, spec, true, null, d.unitName(), d.scriptPath(), unit, null,
                d.timeoutStartSec(), "3.4.0", dir.resolve("out"), d.configName(), d.stateDirectory(), 100.0,
                new ConfigOptions(null, null, null, null, null, true));
        GeneratedAssets assets = AssetGenerator.generate(request);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(assets.files());
        files.put("load-report.json", assets.load().toJson(assets.spec().backoff()));
        return files;
    }

    @Test
    void sameBytesInAnyDirectoryTimeZoneAndLocale() throws Exception {
        Locale.setDefault(Locale.ROOT);
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Map<String, byte[]> reference = generate(one);
        for (String tag : new String[] {"tr-TR", "ar-SA", "hi-IN-u-nu-deva", "de-DE"}) {
            Locale.setDefault(Locale.forLanguageTag(tag));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            Map<String, byte[]> other = generate(two);
            for (String name : reference.keySet()) {
                assertArrayEquals(reference.get(name), other.get(name), name + " differs under " + tag);
            }
        }
    }
}
