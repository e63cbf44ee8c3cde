import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.LoadReport;
import io.github.ignitionassets.backoff.RestartPolicy;
import io.github.ignitionassets.generate.AssetGenerator;
import io.github.ignitionassets.generate.ConfigOptions;
import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.OutputFiles;
import io.github.ignitionassets.ignition.IgnitionConfig;
import io.github.ignitionassets.ignition.IgnitionVersion;
import io.github.ignitionassets.script.PullScript;
import io.github.ignitionassets.spec.SpecFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the generate goal's time goes in a fresh JVM, as in each Maven build: each phase timed the first time it
 * runs (class loading, static initialisation, interpreted code) and then once more warm. Run by bench/build-cost.sh.
 */
public class GoalPhases {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("goal-phases");
        Path spec = dir.resolve("src/main/ignition/pull.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, "image: quay.io/example/agent:v1\n");
        long t0 = System.nanoTime();
        SpecFile.read(spec, "pull.yaml");
        long t1 = System.nanoTime();
        LoadReport.compute(BackoffSpec.DEFAULTS, new RestartPolicy(600_000, 3_000, true));
        long t2 = System.nanoTime();
        PullScript.render("agent-pull-image", BackoffSpec.DEFAULTS, "/run/agent-pull-image");
        long t3 = System.nanoTime();
        new IgnitionConfig(IgnitionVersion.parse("3.1.0").get()).putFile("/x", new byte[3000], 0644).toBytes(false);
        long t4 = System.nanoTime();
        var request = new GenerateRequest(dir, null, spec, false, Map.of(), null, null, null, null, null, null,
                dir.resolve("out"), null, null, null, new ConfigOptions(null, List.of(), List.of(), List.of(), null, false));
        var assets = AssetGenerator.generate(request);
        long t5 = System.nanoTime();
        OutputFiles.write(dir.resolve("out"), assets.files(), Set.of());
        assets.load().toJson(assets.spec().backoff());
        long t6 = System.nanoTime();
        AssetGenerator.generate(request);
        long t7 = System.nanoTime();
        System.out.printf("cold: spec file %d ms, load model %d ms, script %d ms,"
                        + " config %d ms, rest of generate %d ms, writes + report JSON %d ms;"
                        + " a second generate, warm: %d ms%n", ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3),
                ms(t5 - t4), ms(t6 - t5), ms(t7 - t6));
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
