package io.github.ignitionassets.maven;

import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.core.PomElement;
import io.github.ignitionassets.generate.AssetBuild;
import io.github.ignitionassets.generate.ConfigOptions;
import io.github.ignitionassets.generate.GenerateRequest;
import io.github.ignitionassets.generate.ProxyOptions;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.codehaus.plexus.configuration.PlexusConfiguration;

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

    /**
     * The container image to pull, fully qualified ({@code registry[:port]/path[:tag][@digest]}). Required unless
     * the spec file has {@code image}; when both are given, this one wins.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.image")
    private String image;

    /**
     * When the script pulls although the image is in local storage, in podman's words: {@code missing} (a cached
     * copy means no pull), {@code newer} (one pull per start for a newer image under the same reference; if it fails
     * and a copy is cached, the service starts on that copy at once), {@code always} (a cached copy does not count:
     * back off until a pull succeeds). Overrides the spec file's {@code pullPolicy}; default {@code missing}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.pullPolicy")
    private String pullPolicy;

    /**
     * Absolute path on the host of the registry credentials file the script passes to
     * {@code podman pull --authfile}; when the file is missing on the host the script logs so once and pulls
     * without it. Unset: podman's own lookup ({@code /run/containers/0/auth.json}, then
     * {@code /root/.docker/config.json} for root, among others).
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.authFile")
    private String authFile;

    /**
     * Fail the build on warnings too: Ignition's own warnings about the config, a mutable image (no tag or
     * {@code :latest}) under pull policy {@code missing}, and registry credentials inside a config that is attached.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /**
     * The backoff spec, YAML ({@code .yaml}/{@code .yml}) or JSON ({@code .json}); a file named here that does not
     * exist is an error. Unset: the first of {@code src/main/ignition/pull.yaml}, {@code pull.yml} and
     * {@code pull.json} that exists (two of them at once are an error), or none. The log names the file read.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.specFile")
    private File specFile;

    /**
     * Backoff values that override the spec file's field by field; fields left out keep the spec file's value or the
     * default. The elements, each checked as the spec file's key of the same name (a misspelt one gets a
     * "did you mean", and every problem is reported at once):
     * <ul>
     * <li>{@code initialDelay}: first delay after a failed pull, e.g. {@code 5s}, {@code 250ms}, {@code PT5S};
     * default {@code 5s}.</li>
     * <li>{@code multiplier}: each delay is the previous one times this, {@code >= 1}; 1 means a fixed delay;
     * default {@code 2}.</li>
     * <li>{@code maxDelay}: cap on the delay, {@code >= initialDelay}; default {@code 300s}.</li>
     * <li>{@code jitter}: spread of each sleep, {@code 0 <= jitter < 1}: uniform in
     * {@code delay*(1-jitter)..delay*(1+jitter)}; default {@code 0.2}.</li>
     * <li>{@code maxAttempts}: failed pulls before the script gives up; {@code 0} retries forever; default
     * {@code 0}.</li>
     * <li>{@code attemptTimeout}: one pull that runs longer is killed and counts as a failed attempt; default
     * {@code 10m}.</li>
     * <li>{@code podmanRetries}: retries podman makes by itself within one attempt, passed as {@code --retry} where
     * podman has it (podman 5); default {@code 0}: one attempt is one registry request.</li>
     * </ul>
     *
     * @since 0.1.0
     */
    @Parameter
    private PlexusConfiguration backoff;

    /**
     * Name of the systemd unit: letters, digits, {@code :}, {@code _}, {@code .}, {@code -}, ending in {@code .service}.
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
     * The proxy for {@code http} URLs the pull goes through, e.g. {@code http://proxy.example.com:3128}: an
     * {@code http} or {@code https} URL with a host, named as Ignition's {@code ignition.proxy.httpProxy}. Set as
     * {@code HTTP_PROXY} and {@code http_proxy} in the pull unit's environment. Unset: the base config's value, when
     * {@code inheritProxy} is true.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.httpProxy")
    private String httpProxy;

    /**
     * The proxy for {@code https} URLs (most registries), as {@code httpProxy}; set as {@code HTTPS_PROXY} and
     * {@code https_proxy}. An {@code http://} proxy here gets Ignition's warning: the proxy sees the requests in
     * plain text up to the TLS tunnel.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.httpsProxy")
    private String httpsProxy;

    /**
     * Hosts, domains ({@code .example.com}) and addresses reached without the proxy; set as {@code NO_PROXY} and
     * {@code no_proxy}, comma-separated. The property takes them comma-separated. No entry may hold white space or a
     * comma.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.noProxy")
    private List<String> noProxy;

    /**
     * Whether a proxy field not set here takes the base config's {@code ignition.proxy} value: a host that needed a
     * proxy to fetch its config needs it to pull. The log names each value taken.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.inheritProxy", defaultValue = "true")
    private boolean inheritProxy;

    /**
     * Skip the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "ignition.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    private final MavenProjectHelper projectHelper;

    @Inject
    public GenerateMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Ignition assets: ignition.skip is true");
            return;
        }
        AssetBuild.Result result;
        try {
            result = AssetBuild.run(request(), generator(), new MavenBuildLog(getLog()));
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MojoExecutionException("The Ignition assets plugin failed; this is a bug, please report it"
                    + " with the output of -e: " + e, e);
        }
        if (failOnWarning && !result.warnings().isEmpty()) {
            int n = result.warnings().size();
            throw new MojoFailureException(n + " warning" + (n == 1 ? "" : "s") + " (failOnWarning is true):\n"
                    + result.warnings().stream().map(w -> "  - " + w).collect(Collectors.joining("\n")));
        }
        if (attach) {
            projectHelper.attachArtifact(project, ARTIFACT_TYPE, ARTIFACT_CLASSIFIER, result.config().toFile());
        }
    }

    private GenerateRequest request() {
        Path base = project.getBasedir().toPath();
        Path spec = path(specFile);
        var config = new ConfigOptions(path(baseConfig),
                list(files).stream().map(f -> new ConfigOptions.ExtraFile(f.path, f.mode, path(f.source))).toList(),
                list(units).stream().map(u -> new ConfigOptions.ExtraUnit(u.name, path(u.file), u.enabled)).toList(),
                list(dropins).stream().map(d -> new ConfigOptions.ExtraDropin(d.unit, d.name, path(d.file))).toList(),
                maxConfigBytes, pretty);
        return new GenerateRequest(base, image, spec, spec != null, element(backoff),
                unitName, scriptPath, path(unitFile), execStart, timeoutStartSec, ignitionVersion,
                outputDirectory.toPath(), configName, stateDirectory, maxAttemptsPerHour, config,
                Path.of(project.getBuild().getDirectory(), "ignition-assets"), pullPolicy, authFile, attach,
                new ProxyOptions(httpProxy, httpsProxy, noProxy, inheritProxy));
    }

    /** A nested parameter as written: Maven checks nothing inside a PlexusConfiguration, the spec's rules do. */
    private static PomElement element(PlexusConfiguration parameter) {
        return parameter == null ? null : new PomElement(parameter.getName(), parameter.getValue(null),
                Arrays.stream(parameter.getChildren()).map(GenerateMojo::element).toList());
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    private static <T> List<T> list(List<T> entries) {
        return entries == null ? List.of() : entries;
    }

    /** This plugin as built: its jar (whose path holds the version), size and time, so a rebuilt SNAPSHOT generates again. */
    private String generator() {
        try {
            Path jar = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
            return String.format("%s %s %d %d", getClass().getName(), jar, Files.size(jar),
                    Files.getLastModifiedTime(jar).toMillis());
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return getClass().getName() + " unknown " + System.nanoTime(); // cannot tell which build this is: never up to date
        }
    }
}
