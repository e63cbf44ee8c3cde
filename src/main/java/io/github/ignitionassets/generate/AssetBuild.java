package io.github.ignitionassets.generate;

import io.github.ignitionassets.core.BuildLog;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.generate.BuildRecord.Level;
import io.github.ignitionassets.generate.BuildRecord.LogLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generate goal, whole: finds whether the inputs are those of the last build, and when they are not, generates
 * the assets, writes them (all or nothing) with the load report, and records the build. Knows nothing of Maven; the
 * mojo gives it a request and a log and attaches the config it names.
 */
public final class AssetBuild {

    /** File name of the load report, in the request's record directory. */
    public static final String LOAD_REPORT = "load-report.json";

    private AssetBuild() {
    }

    /**
     * What a build did.
     *
     * @param config    the config file, written now or by an earlier build
     * @param generated whether the assets were generated (false: the inputs were those of the last build)
     * @param warnings  what the build warned about (an unchanged build's are those of the build it repeats)
     */
    public record Result(Path config, boolean generated, List<String> warnings) {

        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Runs the goal.
     *
     * @param generator what is generating (the plugin build): a build by another one generates again
     * @throws InvalidInputException when the request has problems; no output has changed then
     * @throws IOException           when an input cannot be read or an output cannot be written; no output has
     *                               changed then
     */
    public static Result run(GenerateRequest request, String generator, BuildLog log)
            throws InvalidInputException, IOException {
        Path out = request.outputDirectory();
        String where = AssetGenerator.display(request, out);
        Path config = out.resolve(request.configName() == null ? GenerateRequest.DEFAULT_CONFIG_NAME : request.configName());
        Optional<String> inputs = fingerprint(request, generator, log);
        Optional<List<LogLine>> unchanged = inputs.flatMap(i -> BuildRecord.unchanged(request.recordDirectory(), i));
        if (unchanged.isPresent()) {
            log.info(String.format("Ignition assets unchanged in %s (same inputs as the last build)", where));
            replay(unchanged.get(), log);
            return new Result(config, false, warnings(unchanged.get()));
        }

        GeneratedAssets assets;
        try {
            assets = AssetGenerator.generate(request);
        } catch (UncheckedIOException e) {
            throw new IOException(e.getMessage(), e.getCause());
        }
        Map<Path, byte[]> outputs = new LinkedHashMap<>();
        assets.files().forEach((name, bytes) -> outputs.put(out.resolve(name), bytes));
        Path report = request.recordDirectory().resolve(LOAD_REPORT);
        outputs.put(report, assets.load().toJson(assets.spec().backoff()));
        List<Path> changed;
        try {
            changed = OutputFiles.write(outputs, List.of(out.resolve(assets.script().fileName())));
        } catch (IOException e) {
            throw new IOException(String.format("Cannot write Ignition assets to %s: %s", out, e.getMessage()), e);
        }
        List<String> written = changed.stream().filter(p -> p.getParent().equals(out))
                .map(p -> p.getFileName().toString()).toList();
        log.info(written.isEmpty() ? "Ignition assets unchanged in " + where
                : String.format("Wrote %s to %s", String.join(", ", written), where));

        List<LogLine> lines = results(request, assets, report);
        replay(lines, log);
        if (inputs.isPresent()) {
            try {
                BuildRecord.of(inputs.get(), outputs, lines).write(request.recordDirectory());
            } catch (IOException e) {
                log.debug(String.format("Ignition assets: cannot record this build (%s); the next one generates again", e));
            }
        }
        return new Result(config, true, warnings(lines));
    }

    /** What a generation reports, kept in the record so that an unchanged build reports it again. */
    private static List<LogLine> results(GenerateRequest request, GeneratedAssets assets, Path report) {
        List<LogLine> lines = new ArrayList<>();
        lines.add(new LogLine(Level.INFO, assets.specFile() != null ? "Spec file: " + assets.specFile()
                : String.format("No spec file (none of %s): the POM's values and the defaults",
                String.join(", ", GenerateRequest.DEFAULT_SPEC_FILES))));
        assets.warnings().forEach(w -> lines.add(new LogLine(Level.WARN, w)));
        assets.notes().forEach(n -> lines.add(new LogLine(Level.INFO, n)));
        assets.replaced().forEach(entry -> lines.add(new LogLine(Level.INFO,
                String.format("Replaced the base config's %s with ours", entry))));
        lines.add(new LogLine(Level.INFO, String.format("Ignition config %s: %d bytes, spec %s, image %s",
                assets.configName(), assets.config().length, assets.version().text(), assets.spec().image().text())));
        lines.add(new LogLine(Level.INFO, String.format("%s Details: %s", assets.load().summary(), AssetGenerator.display(request, report))));
        return lines;
    }

    private static Optional<String> fingerprint(GenerateRequest request, String generator, BuildLog log) {
        try {
            return Optional.of(BuildRecord.fingerprint(request, generator));
        } catch (IOException e) {
            log.debug(String.format("Ignition assets: cannot fingerprint the inputs (%s); generating", e));
            return Optional.empty();
        }
    }

    private static List<String> warnings(List<LogLine> lines) {
        return lines.stream().filter(l -> l.level() == Level.WARN).map(LogLine::text).toList();
    }

    private static void replay(List<LogLine> lines, BuildLog log) {
        lines.forEach(l -> {
            if (l.level() == Level.WARN) {
                log.warn(l.text());
            } else {
                log.info(l.text());
            }
        });
    }
}
