package io.github.ignitionassets.maven;

import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.generate.AssetGenerator;
import io.github.ignitionassets.generate.BuildRecord;
import io.github.ignitionassets.generate.ConfigOptions;
import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.GeneratedAssets;
import io.github.ignitionassets.generate.OutputFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Generates the first-boot assets: the image-pull script, the systemd unit that runs it as {@code ExecStartPre=},
 * and an Ignition config that embeds both.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** Type of the attached config artifact. */
    static final String ARTIFACT_TYPE = "ign";
    /** Classifier of the attached config artifact. */
    static final String ARTIFACT_CLASSIFIER = "ignition";
    /** File name of the load report, under ${project.build.directory}/ignition-assets. */
    static final String LOAD_REPORT = "load-report.json";

    /**
     * The container image to pull, fully qualified ({@code registry[:port]/path[:tag][@digest]}). Required unless
     * the spec file has {@code image}; when both are given, this one wins.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.image")
    private String image;

    /**
     * The backoff spec, YAML ({@code .yaml}/{@code .yml}) or JSON ({@code .json}). Used when it exists; a file named
     * here explicitly that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.specFile", defaultValue = "${project.basedir}/src/main/ignition/pull.yaml")
    private File specFile;

    /**
     * Backoff values that override the spec file's field by field: {@code initialDelay}, {@code multiplier},
     * {@code maxDelay}, {@code jitter}, {@code maxAttempts}, {@code attemptTimeout}, {@code podmanRetries}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Backoff backoff;

    /**
     * Name of the systemd unit; must end in {@code .service}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.unitName", defaultValue = GenerateRequest.DEFAULT_UNIT_NAME)
    private String unitName;

    /**
     * Absolute path of the pull script on the host.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.scriptPath", defaultValue = GenerateRequest.DEFAULT_SCRIPT_PATH)
    private String scriptPath;

    /**
     * Your own unit file, used instead of the built-in unit. It is kept as written, with
     * {@code ExecStartPre=<scriptPath> <image>} inserted before its first {@code ExecStartPre=} (or its
     * {@code ExecStart=}), never twice.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.unitFile")
    private File unitFile;

    /**
     * The built-in unit's {@code ExecStart=} command, as unit syntax. Default:
     * {@code /usr/bin/podman run --pull=never --rm --name <unit base name> <image>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.execStart")
    private String execStart;

    /**
     * The built-in unit's {@code TimeoutStartSec=}: seconds, a systemd time span ({@code 10min}) or {@code infinity}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.timeoutStartSec", defaultValue = GenerateRequest.DEFAULT_TIMEOUT_START_SEC)
    private String timeoutStartSec;

    /**
     * Ignition config spec version to write: 3.0.0 to 3.5.0.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.version", defaultValue = GenerateRequest.DEFAULT_IGNITION_VERSION)
    private String ignitionVersion;

    /**
     * Where the script, the unit and the config are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.outputDirectory", defaultValue = "${project.build.directory}/generated-resources/ignition")
    private File outputDirectory;

    /**
     * File name of the Ignition config.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.configName", defaultValue = GenerateRequest.DEFAULT_CONFIG_NAME)
    private String configName;

    /**
     * Attach the config to the project, type {@code ign}, classifier {@code ignition}, so that {@code install} and
     * {@code deploy} publish it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.attach", defaultValue = "true")
    private boolean attach;

    /**
     * Where the script keeps its place in the schedule on the host, one file per image. On tmpfs (the default) the
     * schedule outlives systemd restarts and not reboots.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.stateDirectory", defaultValue = GenerateRequest.DEFAULT_STATE_DIRECTORY)
    private String stateDirectory;

    /**
     * A budget: the build fails when the spec, under the unit's restarts, makes more attempts per host-hour than
     * this in a sustained outage. No budget when unset.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.maxAttemptsPerHour")
    private Double maxAttemptsPerHour;

    /**
     * An existing Ignition config (any 3.x up to {@code ignitionVersion}) to build on. Everything in it is kept as
     * written except the entries we own, the file at {@code scriptPath} and the unit {@code unitName}, which are
     * replaced (logged). The output is written as {@code ignitionVersion}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.baseConfig")
    private File baseConfig;

    /**
     * Extra files for the config: {@code <file>} entries with {@code path}, {@code mode} (octal, e.g.
     * {@code 0644}) and {@code source} (a project file).
     *
     * @since 0.1.0
     */
    @Parameter
    private List<FileEntry> files;

    /**
     * Extra units for the config: {@code <unit>} entries with {@code name}, {@code file} and {@code enabled}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<UnitEntry> units;

    /**
     * Drop-ins for any unit: {@code <dropin>} entries with {@code unit}, {@code name} (ending in {@code .conf}) and
     * {@code file}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<DropinEntry> dropins;

    /**
     * The largest config allowed, in bytes; the build fails beyond it (cloud user-data limits: 16384 on EC2). No
     * limit when unset.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.maxConfigBytes")
    private Long maxConfigBytes;

    /**
     * Write the config indented by two spaces instead of compact; the content is the same.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.pretty", defaultValue = "false")
    private boolean pretty;

    /**
     * Skip the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private MavenProjectHelper projectHelper;

    private ConfigOptions configOptions() {
        return new ConfigOptions(baseConfig == null ? null : baseConfig.toPath(),
                files == null ? List.of() : files.stream().map(f -> new ConfigOptions.ExtraFile(f.path, f.mode,
                        f.source == null ? null : f.source.toPath())).toList(),
                units == null ? List.of() : units.stream().map(u -> new ConfigOptions.ExtraUnit(u.name,
                        u.file == null ? null : u.file.toPath(), u.enabled)).toList(),
                dropins == null ? List.of() : dropins.stream().map(d -> new ConfigOptions.ExtraDropin(d.unit, d.name,
                        d.file == null ? null : d.file.toPath())).toList(),
                maxConfigBytes, pretty);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Ignition assets: ignition.skip is true");
            return;
        }
        long started = System.nanoTime();
        Path base = project.getBasedir().toPath();
        Path spec = specFile == null ? null : specFile.toPath();
        boolean specRequired = spec != null && !spec.toAbsolutePath().normalize()
                .equals(base.resolve("src/main/ignition/pull.yaml").toAbsolutePath().normalize());
        Map<String, String> overrides = backoff == null ? Map.of() : backoff.asSpecValues();
        var request = new GenerateRequest(base, image, spec, specRequired, overrides, unitName, scriptPath,
                unitFile == null ? null : unitFile.toPath(), execStart, timeoutStartSec, ignitionVersion,
                outputDirectory.toPath(), configName, stateDirectory, maxAttemptsPerHour, configOptions());

        Path out = outputDirectory.toPath();
        Path reportDirectory = Path.of(project.getBuild().getDirectory(), "ignition-assets");
        String where = base.relativize(out.toAbsolutePath().normalize()).toString();
        byte[] inputs = null;
        try {
            inputs = BuildRecord.inputs(request, generator());
        } catch (IOException e) {
            getLog().debug("Ignition assets: cannot fingerprint the inputs (" + e + "); generating");
        }
        Optional<List<BuildRecord.LogLine>> unchanged = inputs == null ? Optional.empty()
                : BuildRecord.unchanged(reportDirectory, inputs);
        if (unchanged.isPresent()) {
            getLog().info("Ignition assets unchanged in " + where + " (same inputs as the last build)");
            log(unchanged.get());
        } else {
            generate(request, base, out, reportDirectory, where, inputs);
        }
        if (attach) {
            projectHelper.attachArtifact(project, ARTIFACT_TYPE, ARTIFACT_CLASSIFIER, out.resolve(configName()).toFile());
        }
        // The goal's own cost in this build's JVM, for bench/build-cost.sh and for anyone asking why the build is slow.
        getLog().debug("Ignition assets: the goal's own work took " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private void generate(GenerateRequest request, Path base, Path out, Path reportDirectory, String where, byte[] inputs)
            throws MojoExecutionException, MojoFailureException {
        GeneratedAssets assets;
        try {
            assets = AssetGenerator.generate(request);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }

        Map<String, byte[]> report = Map.of(LOAD_REPORT, assets.load().toJson(assets.spec().backoff()));
        List<String> changed;
        try {
            changed = OutputFiles.write(out, assets.files(), Set.of(assets.script().fileName()));
            OutputFiles.write(reportDirectory, report, Set.of());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write Ignition assets to " + out + ": " + e.getMessage(), e);
        }
        if (changed.isEmpty()) {
            getLog().info("Ignition assets unchanged in " + where);
        } else {
            getLog().info("Wrote " + String.join(", ", changed) + " to " + where);
        }
        List<BuildRecord.LogLine> lines = new ArrayList<>();
        for (String warning : assets.warnings()) {
            lines.add(new BuildRecord.LogLine("warn", "Ignition config " + assets.configName() + ": " + warning));
        }
        for (String entry : assets.replaced()) {
            lines.add(new BuildRecord.LogLine("info", "Replaced the base config's " + entry + " with ours"));
        }
        lines.add(new BuildRecord.LogLine("info", "Ignition config " + assets.configName() + ": " + assets.config().length
                + " bytes, spec " + ignitionVersion + ", image " + assets.spec().image().text()));
        lines.add(new BuildRecord.LogLine("info", assets.load().summary() + " Details: "
                + base.relativize(reportDirectory.resolve(LOAD_REPORT).toAbsolutePath())));
        log(lines);

        if (inputs != null) {
            Map<Path, byte[]> written = new LinkedHashMap<>();
            // Loops, not forEach(lambda): each lambda's class is spun on first use, in every build's fresh JVM.
            for (Map.Entry<String, byte[]> file : assets.files().entrySet()) {
                written.put(out.resolve(file.getKey()), file.getValue());
            }
            for (Map.Entry<String, byte[]> file : report.entrySet()) {
                written.put(reportDirectory.resolve(file.getKey()), file.getValue());
            }
            try {
                BuildRecord.of(inputs, written, lines).write(reportDirectory);
            } catch (IOException e) {
                getLog().debug("Ignition assets: cannot record this build (" + e + "); the next one generates again");
            }
        }
    }

    private void log(List<BuildRecord.LogLine> lines) {
        for (BuildRecord.LogLine l : lines) {
            if (l.level().equals("warn")) {
                getLog().warn(l.text());
            } else {
                getLog().info(l.text());
            }
        }
    }

    private String configName() {
        return configName == null ? GenerateRequest.DEFAULT_CONFIG_NAME : configName;
    }

    /** This plugin as built: its jar (whose path holds the version), size and time, so a rebuilt SNAPSHOT generates again. */
    private String generator() {
        StringBuilder id = new StringBuilder(getClass().getName());
        try {
            Path jar = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
            id.append(' ').append(jar).append(' ').append(Files.size(jar)).append(' ').append(Files.getLastModifiedTime(jar).toMillis());
        } catch (Exception e) {
            id.append(" unknown ").append(System.nanoTime()); // cannot tell which build this is: never up to date
        }
        return id.toString();
    }
}
