package io.github.ignitionassets.generate;

import io.github.ignitionassets.core.PomElement;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything the generate goal was given, as the user gave it (not yet validated).
 *
 * @param baseDirectory    the project directory, to name files in messages as the user knows them
 * @param image            the image from the POM, or {@code null}
 * @param specFile         the spec file, or {@code null} for the first of {@link #DEFAULT_SPEC_FILES} that exists
 * @param specFileRequired whether a missing spec file is an error (the user named it) or means "no spec file"
 * @param backoff          the POM's {@code <backoff>} as written, or {@code null}; each element inside overrides the
 *                         spec value of its name
 * @param unitName         the unit's name
 * @param scriptPath       where the script lands on the host
 * @param unitFile         the user's unit file, or {@code null} for the built-in unit
 * @param execStart        the built-in unit's {@code ExecStart=}, or {@code null} for the default
 * @param timeoutStartSec  the built-in unit's {@code TimeoutStartSec=}
 * @param ignitionVersion  the config spec version to write
 * @param outputDirectory  where the three files go
 * @param configName       the config's file name
 * @param stateDirectory   where the script keeps its schedule on the host
 * @param maxAttemptsPerHour the most attempts per host-hour the spec may make in an outage, or {@code null} for no budget
 * @param config           the base config, extra entries and output form of the Ignition config
 * @param recordDirectory  where the build record and the load report go (the project's
 *                         {@code target/ignition-assets})
 * @param pullPolicy       the POM's {@code pullPolicy}, or {@code null}; it overrides the spec file's
 * @param authFile         the host path the script passes to {@code podman pull --authfile}, or {@code null} for
 *                         podman's own lookup
 * @param attach           whether the config is attached, and so published by {@code install} and {@code deploy}
 * @param proxy            the proxy the pull goes through
 */
public record GenerateRequest(Path baseDirectory, String image, Path specFile, boolean specFileRequired,
                              PomElement backoff, String unitName, String scriptPath, Path unitFile,
                              String execStart, String timeoutStartSec, String ignitionVersion, Path outputDirectory,
                              String configName, String stateDirectory, Double maxAttemptsPerHour,
                              ConfigOptions config, Path recordDirectory, String pullPolicy, String authFile,
                              boolean attach, ProxyOptions proxy) {

    /** Parameter defaults, as documented for the goal. */
    public static final String DEFAULT_UNIT_NAME = "agent.service";
    public static final String DEFAULT_SCRIPT_PATH = "/usr/local/bin/agent-pull-image";
    public static final String DEFAULT_TIMEOUT_START_SEC = "600";
    public static final String DEFAULT_IGNITION_VERSION = "3.1.0";
    public static final String DEFAULT_CONFIG_NAME = "config.ign";
    public static final String DEFAULT_STATE_DIRECTORY = "/run/agent-pull-image";
    /** Where the spec is looked for when none is named, in this order, relative to the project. */
    public static final List<String> DEFAULT_SPEC_FILES = List.of(
            "src/main/ignition/pull.yaml", "src/main/ignition/pull.yml", "src/main/ignition/pull.json");

    public GenerateRequest {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        config = config == null ? ConfigOptions.NONE : config;
        recordDirectory = recordDirectory == null ? baseDirectory.resolve("target/ignition-assets") : recordDirectory;
        proxy = proxy == null ? ProxyOptions.NONE : proxy;
    }

    /** A request with the default pull policy, podman's own credential lookup, and the config attached. */
    public GenerateRequest(Path baseDirectory, String image, Path specFile, boolean specFileRequired,
                           PomElement backoff, String unitName, String scriptPath, Path unitFile,
                           String execStart, String timeoutStartSec, String ignitionVersion, Path outputDirectory,
                           String configName, String stateDirectory, Double maxAttemptsPerHour, ConfigOptions config,
                           Path recordDirectory) {
        this(baseDirectory, image, specFile, specFileRequired, backoff, unitName, scriptPath, unitFile, execStart,
                timeoutStartSec, ignitionVersion, outputDirectory, configName, stateDirectory, maxAttemptsPerHour,
                config, recordDirectory, null, null, true, null);
    }

    /** A request recorded in the project's {@code target/ignition-assets}. */
    public GenerateRequest(Path baseDirectory, String image, Path specFile, boolean specFileRequired,
                           PomElement backoff, String unitName, String scriptPath, Path unitFile,
                           String execStart, String timeoutStartSec, String ignitionVersion, Path outputDirectory,
                           String configName, String stateDirectory, Double maxAttemptsPerHour, ConfigOptions config) {
        this(baseDirectory, image, specFile, specFileRequired, backoff, unitName, scriptPath, unitFile, execStart,
                timeoutStartSec, ignitionVersion, outputDirectory, configName, stateDirectory, maxAttemptsPerHour,
                config, null);
    }

    /** A request with nothing extra in the config, recorded in the project's {@code target/ignition-assets}. */
    public GenerateRequest(Path baseDirectory, String image, Path specFile, boolean specFileRequired,
                           PomElement backoff, String unitName, String scriptPath, Path unitFile,
                           String execStart, String timeoutStartSec, String ignitionVersion, Path outputDirectory,
                           String configName, String stateDirectory, Double maxAttemptsPerHour) {
        this(baseDirectory, image, specFile, specFileRequired, backoff, unitName, scriptPath, unitFile, execStart,
                timeoutStartSec, ignitionVersion, outputDirectory, configName, stateDirectory, maxAttemptsPerHour,
                ConfigOptions.NONE, null);
    }

    /** A request with the default state directory and no load budget. */
    public GenerateRequest(Path baseDirectory, String image, Path specFile, boolean specFileRequired,
                           PomElement backoff, String unitName, String scriptPath, Path unitFile,
                           String execStart, String timeoutStartSec, String ignitionVersion, Path outputDirectory,
                           String configName) {
        this(baseDirectory, image, specFile, specFileRequired, backoff, unitName, scriptPath, unitFile, execStart,
                timeoutStartSec, ignitionVersion, outputDirectory, configName, DEFAULT_STATE_DIRECTORY, null, ConfigOptions.NONE,
                null);
    }

    /** This request with another state directory. */
    public GenerateRequest withStateDirectory(String directory) {
        return new GenerateRequest(baseDirectory, image, specFile, specFileRequired, backoff, unitName, scriptPath,
                unitFile, execStart, timeoutStartSec, ignitionVersion, outputDirectory, configName, directory,
                maxAttemptsPerHour, config, recordDirectory, pullPolicy, authFile, attach, proxy);
    }

    /** This request with a load budget. */
    public GenerateRequest withMaxAttemptsPerHour(Double budget) {
        return new GenerateRequest(baseDirectory, image, specFile, specFileRequired, backoff, unitName, scriptPath,
                unitFile, execStart, timeoutStartSec, ignitionVersion, outputDirectory, configName, stateDirectory,
                budget, config, recordDirectory, pullPolicy, authFile, attach, proxy);
    }

    /** This request with other config options. */
    public GenerateRequest withConfig(ConfigOptions options) {
        return new GenerateRequest(baseDirectory, image, specFile, specFileRequired, backoff, unitName, scriptPath,
                unitFile, execStart, timeoutStartSec, ignitionVersion, outputDirectory, configName, stateDirectory,
                maxAttemptsPerHour, options, recordDirectory, pullPolicy, authFile, attach, proxy);
    }

    /** This request with another pull policy (as the POM gives it) and auth file. */
    public GenerateRequest withPull(String policy, String hostAuthFile) {
        return new GenerateRequest(baseDirectory, image, specFile, specFileRequired, backoff, unitName, scriptPath,
                unitFile, execStart, timeoutStartSec, ignitionVersion, outputDirectory, configName, stateDirectory,
                maxAttemptsPerHour, config, recordDirectory, policy, hostAuthFile, attach, proxy);
    }

    /** This request with the config attached or not. */
    public GenerateRequest withAttach(boolean attached) {
        return new GenerateRequest(baseDirectory, image, specFile, specFileRequired, backoff, unitName, scriptPath,
                unitFile, execStart, timeoutStartSec, ignitionVersion, outputDirectory, configName, stateDirectory,
                maxAttemptsPerHour, config, recordDirectory, pullPolicy, authFile, attached, proxy);
    }

    /** This request with a proxy. */
    public GenerateRequest withProxy(ProxyOptions options) {
        return new GenerateRequest(baseDirectory, image, specFile, specFileRequired, backoff, unitName, scriptPath,
                unitFile, execStart, timeoutStartSec, ignitionVersion, outputDirectory, configName, stateDirectory,
                maxAttemptsPerHour, config, recordDirectory, pullPolicy, authFile, attach, options);
    }

    /** A request with every default, for the given project directory and image. */
    public static GenerateRequest defaults(Path baseDirectory, String image) {
        return new GenerateRequest(baseDirectory, image, null, false, null, DEFAULT_UNIT_NAME, DEFAULT_SCRIPT_PATH,
                null, null, DEFAULT_TIMEOUT_START_SEC, DEFAULT_IGNITION_VERSION,
                baseDirectory.resolve("target/generated-resources/ignition"), DEFAULT_CONFIG_NAME,
                DEFAULT_STATE_DIRECTORY, null, ConfigOptions.NONE, null);
    }
}
