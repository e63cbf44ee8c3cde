package io.github.ignitionassets.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ignitionassets.core.InputFiles;
import io.github.ignitionassets.core.Problem;
import io.github.ignitionassets.ignition.ConfigJson;
import io.github.ignitionassets.ignition.FileMode;
import io.github.ignitionassets.ignition.IgnitionVersion;
import io.github.ignitionassets.systemd.UnitName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Ignition config's inputs besides our assets, read from the project and checked: the base config (valid JSON,
 * a supported version no newer than the output's) and the extra files, units and drop-ins from the POM. Every
 * problem is collected, named after the POM parameter and the entry.
 *
 * @param base    the base config, or {@code null}
 * @param files   extra files, read
 * @param units   extra units, read
 * @param dropins extra drop-ins, read
 */
record ConfigParts(ObjectNode base, List<File> files, List<Unit> units, List<Dropin> dropins) {

    /** A file to write: path, mode (or null) and bytes. */
    record File(String path, Integer mode, byte[] contents) {
    }

    /** A unit to write. */
    record Unit(String name, String contents, Boolean enabled) {
    }

    /** A drop-in to write. */
    record Dropin(String unit, String name, String contents) {
    }

    static ConfigParts read(GenerateRequest request, IgnitionVersion version, String scriptPath, String unitName,
                            List<Problem> problems) {
        ConfigOptions options = request.config();
        ObjectNode base = options.baseConfig() == null ? null : readBase(request, options.baseConfig(), version, problems);

        List<File> files = new ArrayList<>();
        Set<String> paths = new HashSet<>(Set.of(scriptPath));
        for (int i = 0; i < options.files().size(); i++) {
            var f = options.files().get(i);
            String field = "files[" + i + "]";
            String path = f.path() == null ? "" : f.path();
            AssetGenerator.checkAbsolute(path, "/etc/example.conf").ifPresent(p -> problems.add(Problem.inPom(field + ".path", p)));
            if (path.equals(scriptPath)) {
                problems.add(Problem.inPom(field + ".path", "'" + path + "' is the pull script's path (scriptPath)"));
            } else if (!path.isEmpty() && !paths.add(path)) {
                problems.add(Problem.inPom(field + ".path", "'" + path + "' is given twice"));
            }
            Integer mode = null;
            if (f.mode() != null) {
                try {
                    mode = FileMode.parse(f.mode());
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.inPom(field + ".mode", e.getMessage()));
                }
            }
            byte[] bytes = readBytes(request, f.source(), field + ".source", InputFiles.EXTRA_FILE_LIMIT, problems);
            files.add(new File(path, mode, bytes));
        }

        List<Unit> units = new ArrayList<>();
        Set<String> names = new HashSet<>(Set.of(unitName));
        for (int i = 0; i < options.units().size(); i++) {
            var u = options.units().get(i);
            String field = "units[" + i + "]";
            String name = u.name() == null ? "" : u.name();
            checkUnitName(name).ifPresent(p -> problems.add(Problem.inPom(field + ".name", p)));
            if (name.equals(unitName)) {
                problems.add(Problem.inPom(field + ".name", "'" + name + "' is the pull unit's name (unitName); use unitFile for it"));
            } else if (!name.isEmpty() && !names.add(name)) {
                problems.add(Problem.inPom(field + ".name", "'" + name + "' is given twice"));
            }
            units.add(new Unit(name, readText(request, u.file(), field + ".file", problems), u.enabled()));
        }

        List<Dropin> dropins = new ArrayList<>();
        Set<String> dropinIds = new HashSet<>();
        for (int i = 0; i < options.dropins().size(); i++) {
            var d = options.dropins().get(i);
            String field = "dropins[" + i + "]";
            String unit = d.unit() == null ? "" : d.unit();
            String name = d.name() == null ? "" : d.name();
            checkUnitName(unit).ifPresent(p -> problems.add(Problem.inPom(field + ".unit", p)));
            if (!name.endsWith(".conf") || name.length() == ".conf".length() || name.contains("/")) {
                problems.add(Problem.inPom(field + ".name", "'" + name + "' must be a file name ending in .conf, e.g. 10-proxy.conf"));
            } else if (!dropinIds.add(unit + "/" + name)) {
                problems.add(Problem.inPom(field + ".name", "'" + name + "' is given twice for " + unit));
            }
            dropins.add(new Dropin(unit, name, readText(request, d.file(), field + ".file", problems)));
        }
        return new ConfigParts(base, files, units, dropins);
    }

    static Optional<String> checkUnitName(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty; write a unit name such as crio.service");
        }
        if (!UnitName.isValid(name)) {
            return Optional.of("'" + name + "' is not a systemd unit name; it ends in .service, .socket, .timer, .mount,"
                    + " .path, .target, .slice, .swap, .automount, .device or .scope");
        }
        return Optional.empty();
    }

    private static ObjectNode readBase(GenerateRequest request, Path file, IgnitionVersion target, List<Problem> problems) {
        String shown = AssetGenerator.display(request, file);
        byte[] bytes = readBytes(request, file, "baseConfig", InputFiles.CONFIG_LIMIT, problems);
        if (bytes == null) {
            return null;
        }
        JsonNode read;
        try {
            read = ConfigJson.read(new String(bytes, StandardCharsets.UTF_8));
        } catch (ConfigJson.SyntaxException e) {
            problems.add(new Problem("baseConfig", shown + " line " + e.line(),
                    "is not valid JSON: " + e.reason() + " (column " + e.column() + ")"));
            return null;
        }
        if (!(read instanceof ObjectNode tree)) { // null: a file with no JSON value
            problems.add(Problem.inPom("baseConfig", "'" + shown + "' must hold a JSON object, an Ignition config"));
            return null;
        }
        JsonNode versionNode = tree.path("ignition").path("version");
        String version = versionNode.isNull() ? "" : versionNode.asText();
        Optional<IgnitionVersion> parsed = IgnitionVersion.parse(version);
        if (parsed.isEmpty()) {
            problems.add(Problem.inPom("baseConfig", "'" + shown + "' has ignition.version '" + version
                    + "'; a base config must be one of " + String.join(", ", IgnitionVersion.supported())));
            return null;
        }
        if (parsed.get().compareTo(target) > 0) {
            problems.add(Problem.inPom("baseConfig", "'" + shown + "' is version " + version + ", newer than ignitionVersion "
                    + target.text() + "; set ignitionVersion to " + version + " or later"));
            return null;
        }
        return tree;
    }

    private static byte[] readBytes(GenerateRequest request, Path file, String field, long limit, List<Problem> problems) {
        if (file == null) {
            problems.add(Problem.inPom(field, "is required"));
            return null;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.inPom(field, "'" + AssetGenerator.display(request, file) + "' does not exist or is not a file"));
            return null;
        }
        try {
            return InputFiles.read(file, limit);
        } catch (InputFiles.TooLarge e) {
            problems.add(Problem.inPom(field, String.format("'%s' is larger than %s, the limit for this input",
                    AssetGenerator.display(request, file), e.limit())));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + AssetGenerator.display(request, file), e);
        }
    }

    /** A unit file or drop-in: UTF-8 text, as systemd requires. */
    static String readText(GenerateRequest request, Path file, String field, List<Problem> problems) {
        byte[] bytes = readBytes(request, file, field, InputFiles.UNIT_LIMIT, problems);
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(Problem.inPom(field, "'" + AssetGenerator.display(request, file) + "' is not UTF-8 text, as systemd requires"));
            return null;
        }
    }

}
