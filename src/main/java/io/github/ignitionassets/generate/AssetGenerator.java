package io.github.ignitionassets.generate;

import io.github.ignitionassets.backoff.LoadReport;
import io.github.ignitionassets.backoff.RestartPolicy;
import io.github.ignitionassets.core.InvalidInputException;
import io.github.ignitionassets.core.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.ignitionassets.ignition.ConfigJson;
import io.github.ignitionassets.ignition.ConfigValidator;
import io.github.ignitionassets.ignition.IgnitionConfig;
import io.github.ignitionassets.ignition.ValidationReport;
import io.github.ignitionassets.ignition.IgnitionVersion;
import io.github.ignitionassets.script.PullScript;
import io.github.ignitionassets.spec.PullSpec;
import io.github.ignitionassets.spec.PullSpecs;
import io.github.ignitionassets.spec.SpecFile;
import io.github.ignitionassets.systemd.ProxyEnvironment;
import io.github.ignitionassets.systemd.ServiceTiming;
import io.github.ignitionassets.systemd.TimeSpan;
import io.github.ignitionassets.systemd.UnitFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Spec in, assets out: validates the whole request (reporting every problem at once), then renders the script,
 * the unit and the Ignition config. Writes nothing; {@link OutputFiles} does.
 */
public final class AssetGenerator {

    /** Mode of the script on the host: 0755. */
    public static final int SCRIPT_MODE = 0755;

    private static final String POM = Problem.POM;

    /**
     * Where podman, run as root by a system unit, looks for registry credentials when no {@code --authfile} is given
     * (containers-auth.json(5)): {@code ${XDG_RUNTIME_DIR}/containers/auth.json}, which for root outside a login
     * session is {@code /run/containers/0/auth.json}; then {@code ${XDG_CONFIG_HOME}/containers/auth.json},
     * {@code $HOME/.docker/config.json} and {@code $HOME/.dockercfg}. Not {@code /etc/containers/auth.json}: the
     * proposals to read it (containers/image #1746, #2600) were closed unmerged.
     */
    public static final List<String> PODMAN_CREDENTIAL_PATHS = List.of("/run/containers/0/auth.json",
            "/root/.config/containers/auth.json", "/root/.docker/config.json", "/root/.dockercfg");

    private AssetGenerator() {
    }

    /** Renders the assets for a request. */
    public static GeneratedAssets generate(GenerateRequest request) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();

        Path specPath = specPath(request, problems);
        boolean specUnknown = !problems.isEmpty(); // which file holds the image is not known: don't call it missing
        SpecFile specFile = specPath == null ? null : readSpecFile(request, specPath, problems);
        SpecFile pom = SpecFile.fromPom(request.image(), request.pullPolicy(), request.backoff());
        PullSpec spec = null;
        try {
            spec = specUnknown ? null : PullSpecs.resolve(specFile, pom);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }

        String unitName = request.unitName() == null ? GenerateRequest.DEFAULT_UNIT_NAME : request.unitName();
        addProblem(problems, "unitName", UnitFile.checkName(unitName));
        String scriptPath = request.scriptPath() == null ? GenerateRequest.DEFAULT_SCRIPT_PATH : request.scriptPath();
        addProblem(problems, "scriptPath", checkScriptPath(scriptPath));
        String stateDirectory = request.stateDirectory() == null ? GenerateRequest.DEFAULT_STATE_DIRECTORY : request.stateDirectory();
        addProblem(problems, "stateDirectory", checkAbsolute(stateDirectory, "/run/agent-pull-image"));
        String authFile = request.authFile();
        if (authFile != null) {
            addProblem(problems, "authFile", authFile.endsWith("/") && authFile.length() > 1
                    ? Optional.of("'" + authFile + "' names a directory; write the auth file's path, e.g. /etc/agent/auth.json")
                    : checkAbsolute(authFile, "/etc/agent/auth.json"));
        }
        if (request.maxAttemptsPerHour() != null && !(request.maxAttemptsPerHour() > 0)) {
            problems.add(Problem.inPom("maxAttemptsPerHour", "'" + request.maxAttemptsPerHour()
                    + "' must be a positive number of attempts per host-hour"));
        }
        String versionText = request.ignitionVersion() == null ? GenerateRequest.DEFAULT_IGNITION_VERSION : request.ignitionVersion();
        Optional<IgnitionVersion> version = IgnitionVersion.parse(versionText);
        if (version.isEmpty()) {
            problems.add(Problem.inPom("ignitionVersion", "'" + versionText + "' is not supported; allowed: "
                    + String.join(", ", IgnitionVersion.supported())));
        }
        String timeout = request.timeoutStartSec() == null ? GenerateRequest.DEFAULT_TIMEOUT_START_SEC : request.timeoutStartSec().strip();
        try {
            TimeSpan.parseMillis(timeout);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.inPom("timeoutStartSec", e.getMessage()));
        }
        if (request.execStart() != null && (request.execStart().isBlank() || request.execStart().contains("\n")
                || request.execStart().contains("\r"))) {
            problems.add(Problem.inPom("execStart", "'" + request.execStart().replace("\n", "\\n").replace("\r", "\\r")
                    + "' must be one non-empty command line"));
        }
        String configName = request.configName() == null ? GenerateRequest.DEFAULT_CONFIG_NAME : request.configName();
        addProblem(problems, "configName", checkFileName(configName));
        String scriptName = scriptPath.substring(scriptPath.lastIndexOf('/') + 1);
        if (configName.equals(scriptName) || configName.equals(unitName)) {
            problems.add(Problem.inPom("configName", "'" + configName + "' is also the name of the "
                    + (configName.equals(unitName) ? "unit (unitName)" : "script (scriptPath)") + "; outputs would overwrite each other"));
        }
        String userUnit = readUnitFile(request, problems);
        ConfigParts parts = version.isEmpty() ? null
                : ConfigParts.read(request, version.get(), scriptPath, unitName, problems);
        if (request.config().maxConfigBytes() != null && request.config().maxConfigBytes() <= 0) {
            problems.add(Problem.inPom("maxConfigBytes", "'" + request.config().maxConfigBytes() + "' must be a positive number of bytes"));
        }

        PullProxy proxy = parts == null ? null : PullProxy.resolve(request.proxy(), parts.base(),
                request.config().baseConfig() == null ? "" : display(request, request.config().baseConfig()), problems);
        if (proxy != null && userUnit != null && !proxy.environment().isEmpty()) {
            for (int i = 0; i < parts.dropins().size(); i++) {
                ConfigParts.Dropin d = parts.dropins().get(i);
                if (d.unit().equals(unitName) && d.name().equals(ProxyEnvironment.DROPIN_NAME)) {
                    problems.add(Problem.inPom("dropins[" + i + "].name", String.format(
                            "'%s' of %s is the drop-in that carries the pull's proxy; give yours another name", d.name(), unitName)));
                }
            }
        }

        UnitFile unit = null;
        if (spec != null && problems.isEmpty()) {
            String image = spec.image().text();
            if (userUnit != null) {
                try {
                    unit = UnitFile.withPullStep(unitName, userUnit, scriptPath, image);
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.inPom("unitFile", "'" + display(request, request.unitFile()) + "' " + e.getMessage()));
                }
            } else {
                String execStart = request.execStart() != null ? request.execStart() : UnitFile.defaultExecStart(unitName, image);
                unit = UnitFile.builtIn(unitName, image, scriptPath, execStart, timeout, proxy.environment());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        PullScript script = PullScript.render(scriptName, spec.backoff(), stateDirectory, spec.pullPolicy(), authFile);
        IgnitionConfig config = parts.base() == null ? new IgnitionConfig(version.get())
                : IgnitionConfig.onBase(parts.base(), version.get());
        for (ConfigParts.File f : parts.files()) {
            config.putFile(f.path(), f.contents(), f.mode());
        }
        config.putFile(scriptPath, script.bytes(), SCRIPT_MODE);
        for (ConfigParts.Unit u : parts.units()) {
            config.putUnit(u.name(), u.contents(), u.enabled());
        }
        config.putUnit(unit.name(), unit.text(), true);
        for (ConfigParts.Dropin d : parts.dropins()) {
            config.putDropin(d.unit(), d.name(), d.contents());
        }
        if (userUnit != null && !proxy.environment().isEmpty()) {
            // The user's unit is kept as written: the proxy reaches it as a drop-in, as a site's own would.
            config.putDropin(unitName, ProxyEnvironment.DROPIN_NAME, proxy.environment().dropin());
        }
        List<String> warnings = new ArrayList<>(proxy.warnings());
        ServiceTiming timing = ServiceTiming.of(UnitAsRun.files(unit, config, parts, warnings));
        LoadReport load = LoadReport.compute(spec.backoff(), spec.pullPolicy(), restartPolicy(timing));
        Double budget = request.maxAttemptsPerHour();
        if (budget != null && load.attemptsPerHour() > budget) {
            problems.add(Problem.inPom("maxAttemptsPerHour", "the spec makes "
                    + load.attemptsPerHour() + " attempts per host-hour in a sustained outage, over the budget of "
                    + budget + "; raise backoff.maxDelay (attempts per hour are about 3600 / maxDelay in seconds)"));
        }
        UnitAsRun.givesUp(timing, spec.backoff(), load).ifPresent(warnings::add);
        byte[] bytes = config.toBytes(request.config().pretty());
        // The same checks as the validate goal, on what we are about to write: a base config or an extra entry
        // can still make the whole config one that Ignition refuses on the host.
        ValidationReport report = ConfigValidator.validate(bytes);
        report.errors().forEach(f -> problems.add(new Problem(configName + (f.path().isEmpty() ? "" : " " + f.path()),
                "Ignition's checks", f.message())));
        Long limit = request.config().maxConfigBytes();
        if (limit != null && bytes.length > limit) {
            problems.add(Problem.inPom("maxConfigBytes", configName + " is " + bytes.length
                    + " bytes, over the limit of " + limit + " bytes; leave out extra files or units, or raise the limit"
                    + " if the platform allows (EC2 user data, for one, takes at most 16384)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems); // what only the assembled assets show: all of it at once
        }
        report.warnings().forEach(f -> warnings.add(String.format("Ignition config %s: %s", configName, f)));
        if (spec.neverUpdates()) {
            warnings.add(String.format("image %s: %s", spec.image().text(), MUTABLE_WITH_MISSING));
        }
        if (request.attach()) {
            embeddedCredentials(bytes, authFile).forEach(path -> warnings.add(String.format(
                    "Ignition config %s embeds %s, %s", configName, path, CREDENTIALS_PUBLISHED)));
        }
        return new GeneratedAssets(specFile == null ? null : display(request, specPath), spec, script, unit, configName,
                version.get(), bytes, load, config.replacements(), warnings, proxy.notes());
    }

    static final String MUTABLE_WITH_MISSING = "latest can name a new image at any time, but pullPolicy missing never pulls on a host that has a copy, so such a host never updates; pin a tag or a digest, or set pullPolicy to newer or always";

    static final String CREDENTIALS_PUBLISHED = "a file podman reads registry credentials from; attach is true, so install and deploy publish it with the config: have the host fetch it, or set attach to false";

    /**
     * The files of the config, at authFile or at one of podman's credential paths, whose contents (or appended
     * parts) ride inside the config as {@code data:} URLs. A file fetched from a remote URL on the host does not.
     */
    static List<String> embeddedCredentials(byte[] config, String authFile) {
        List<String> watched = new ArrayList<>(PODMAN_CREDENTIAL_PATHS);
        if (authFile != null) {
            watched.add(0, authFile);
        }
        JsonNode tree;
        try {
            tree = ConfigJson.read(new String(config, StandardCharsets.UTF_8));
        } catch (ConfigJson.SyntaxException e) {
            throw new IllegalStateException("the config we wrote is not JSON", e);
        }
        List<String> found = new ArrayList<>();
        for (JsonNode file : tree.path("storage").path("files")) {
            String path = file.path("path").asText("");
            boolean inline = file.path("contents").path("source").asText("").startsWith("data:");
            for (JsonNode part : file.path("append")) {
                inline |= part.path("source").asText("").startsWith("data:");
            }
            if (inline && watched.contains(path) && !found.contains(path)) {
                found.add(path);
            }
        }
        return found;
    }

    /**
     * The spec file to read: the one named, or the first default that exists; {@code null} for none. Two defaults at
     * once are a problem: which one the user meant is not ours to guess.
     */
    private static Path specPath(GenerateRequest request, List<Problem> problems) {
        if (request.specFile() != null) {
            return request.specFile();
        }
        List<Path> present = GenerateRequest.DEFAULT_SPEC_FILES.stream().map(request.baseDirectory()::resolve)
                .filter(Files::exists).toList();
        if (present.size() > 1) {
            problems.add(Problem.of("specFile", String.format(
                    "%s exist side by side; keep one, or name the one to read with <specFile>", present.stream().map(p -> "'" + display(request, p) + "'")
                    .collect(Collectors.joining(" and ")))));
            return null;
        }
        return present.isEmpty() ? null : present.get(0);
    }

    private static SpecFile readSpecFile(GenerateRequest request, Path file, List<Problem> problems) {
        String shown = display(request, file);
        if (!Files.exists(file)) {
            if (request.specFileRequired()) {
                problems.add(Problem.inPom("specFile", "'" + shown + "' does not exist"));
            }
            return null;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.inPom("specFile", "'" + shown + "' is not a file"));
            return null;
        }
        return SpecFile.read(file, shown);
    }

    private static String readUnitFile(GenerateRequest request, List<Problem> problems) {
        return request.unitFile() == null ? null : ConfigParts.readText(request, request.unitFile(), "unitFile", problems);
    }

    /** The unit's timing as the load model takes it. */
    static RestartPolicy restartPolicy(ServiceTiming timing) {
        return new RestartPolicy(timing.timeoutStartMs().orElse(Long.MAX_VALUE), timing.restartMs(), timing.restartsAfterTimeout(),
                new RestartPolicy.Origins(timing.timeoutStartFrom(), timing.restartSecFrom(), timing.restartFrom()));
    }

    /** An absolute, normalised path to a file, with no control characters. */
    static Optional<String> checkScriptPath(String path) {
        if (path.endsWith("/")) {
            return Optional.of("'" + path + "' names a directory; write the script's file path, e.g. " + path + "agent-pull-image");
        }
        return checkAbsolute(path, "/usr/local/bin/" + path.substring(path.lastIndexOf('/') + 1));
    }

    /** An absolute, normalised path with no control characters. */
    static Optional<String> checkAbsolute(String path, String example) {
        if (path.isEmpty()) {
            return Optional.of("is empty; write an absolute path such as " + example);
        }
        if (hasControlCharacter(path)) {
            return Optional.of("'" + path.replaceAll("\\p{Cntrl}", "?") + "' contains control characters");
        }
        if (!path.startsWith("/")) {
            return Optional.of("'" + path + "' is not absolute; write e.g. " + example);
        }
        String normal = Path.of(path).normalize().toString();
        if (!normal.equals(path) || path.contains("//")) {
            return Optional.of("'" + path + "' is not normalised; write " + normal);
        }
        return Optional.empty();
    }

    private static Optional<String> checkFileName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || hasControlCharacter(name)) {
            return Optional.of("'" + name + "' must be a plain file name such as config.ign");
        }
        return Optional.empty();
    }

    private static void addProblem(List<Problem> problems, String field, Optional<String> problem) {
        problem.ifPresent(p -> problems.add(Problem.inPom(field, p)));
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    static String display(GenerateRequest request, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = request.baseDirectory().toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
