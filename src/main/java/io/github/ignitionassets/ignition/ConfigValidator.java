package io.github.ignitionassets.ignition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ignitionassets.ignition.ConfigSchema.Shape;
import io.github.ignitionassets.ignition.ConfigSchema.Type;
import io.github.ignitionassets.systemd.UnitSyntax;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Checks an existing Ignition config (spec 3.0.0 to 3.5.0) the way Ignition's {@code ignition-validate} does, for
 * the config as a whole (JSON syntax, types, unknown keys, version), for files, directories, links, systemd units
 * and dropins, for every resource ({@code source}, {@code compression}, {@code verification}, headers) and for
 * proxies, and for disks, partitions, filesystems, RAID and LUKS ({@link StorageDevices}). Users and groups are
 * only checked for types, keys and duplicates.
 *
 * <p>As in Ignition: an unknown key is a warning; duplicate JSON keys are allowed (the last wins); keys match
 * case-insensitively (Go's {@code encoding/json}), though a key not written exactly is also an unknown key; a type
 * error stops the checking (Ignition cannot decode the config, so it checks nothing else).
 *
 * <p>Whatever the input, the answer is a report: a fault of the config, JSON syntax included, is a finding. An
 * exception from here is a bug of ours and propagates.
 */
public final class ConfigValidator {

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    private static final Set<String> UNIT_TYPES = Set.of(".service", ".socket", ".device", ".mount", ".automount",
            ".swap", ".target", ".path", ".timer", ".snapshot", ".slice", ".scope");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<Finding> errors = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();
    private boolean typeErrors;
    private IgnitionVersion version;

    private ConfigValidator() {
    }

    /** Checks config bytes (UTF-8 JSON). */
    public static ValidationReport validate(byte[] configJson) {
        ConfigValidator v = new ConfigValidator();
        v.run(configJson);
        return v.report();
    }

    /** Checks an already parsed config ({@link ConfigJson#read}). */
    public static ValidationReport validate(JsonNode config) {
        ConfigValidator v = new ConfigValidator();
        v.check(config);
        return v.report();
    }

    /** Ignition's warning for a proxy of {@code https} resources that is reached in plain text, if it is. */
    public static Optional<String> insecureProxy(String httpsProxy) {
        return httpsProxy.regionMatches(true, 0, "http:", 0, 5) ? Optional.of(ValidationMessages.PROXY_INSECURE) : Optional.empty();
    }

    private ValidationReport report() {
        return new ValidationReport(errors, warnings);
    }

    private void run(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            error("", FindingKind.EMPTY_CONFIG, ValidationMessages.EMPTY);
            return;
        }
        // Go's encoding/json reads invalid UTF-8 as U+FFFD; so does this decoding.
        String text = new String(bytes, StandardCharsets.UTF_8);
        ConfigJson.Located config;
        try {
            config = ConfigJson.readLocated(text);
        } catch (ConfigJson.SyntaxException e) {
            errors.add(new Finding("", FindingKind.JSON_SYNTAX, ValidationMessages.syntax(e.reason()), e.line(), e.column()));
            return;
        }
        if (config.value() == null) {
            errors.add(new Finding("", FindingKind.JSON_SYNTAX, ValidationMessages.syntax(ValidationMessages.NO_VALUE), 1, 1));
            return;
        }
        check(config.value());
        placeInText(errors, config);
        placeInText(warnings, config);
    }

    /** Gives each finding its place in the text and puts them in document order (findings at one place keep theirs). */
    private static void placeInText(List<Finding> findings, ConfigJson.Located config) {
        findings.replaceAll(f -> f.at(f.kind() == FindingKind.UNKNOWN_KEY ? config.keyPosition(f.path()) : config.position(f.path())));
        findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
    }

    private void check(JsonNode root) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            error("ignition.version", FindingKind.VERSION, ValidationMessages.VERSION_INVALID);
            return;
        }
        if (!root.isObject()) {
            error("", FindingKind.TYPE, ValidationMessages.NOT_OBJECT);
            return;
        }
        Optional<IgnitionVersion> found = version(root);
        if (found.isEmpty()) {
            return;
        }
        version = found.get();
        JsonNode config = walk(root, ConfigSchema.of(version), "", true);
        if (typeErrors) {
            return;
        }
        checkResources(config);
        checkStorage(config.path("storage"));
        StorageDevices.check(config.path("storage"), version, errors, warnings);
        checkSystemd(config.path("systemd"));
        checkOtherDuplicates(config);
    }

    // ---- version ---------------------------------------------------------------------------------------------

    private Optional<IgnitionVersion> version(JsonNode root) {
        JsonNode ignition = field(root, "ignition");
        if (ignition != null && !ignition.isNull() && !ignition.isObject()) {
            error("ignition", FindingKind.TYPE, ValidationMessages.type("an object", kind(ignition)));
            return Optional.empty();
        }
        JsonNode text = ignition == null ? null : field(ignition, "version");
        if (text != null && !text.isNull() && !text.isTextual()) {
            error("ignition.version", FindingKind.TYPE, ValidationMessages.type("a string", kind(text)));
            return Optional.empty();
        }
        String v = text == null || text.isNull() ? "" : text.asText();
        Optional<IgnitionVersion> parsed = IgnitionVersion.parse(v);
        if (parsed.isEmpty()) {
            if (!SEMVER.matcher(v).matches()) {
                error("ignition.version", FindingKind.VERSION, ValidationMessages.VERSION_INVALID);
            } else {
                error("ignition.version", FindingKind.VERSION, ValidationMessages.versionUnsupported(v));
            }
        }
        return parsed;
    }

    /** The value Go's encoding/json would take for a struct field: the last key equal to it ignoring case. */
    private static JsonNode field(JsonNode object, String name) {
        JsonNode found = object.get(name);
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                found = e.getValue();
            }
        }
        return found;
    }

    // ---- types and keys --------------------------------------------------------------------------------------

    /** Checks types and keys; gives the config as Ignition decodes it (exact key names, wrong types left out). */
    private JsonNode walk(JsonNode node, Shape shape, String path, boolean reportUnknown) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            if (shape.type() == Type.OBJECT && !shape.pointer() && !path.isEmpty()) {
                warning(path, FindingKind.NULL_OBJECT, ValidationMessages.NULL_OBJECT);
            }
            return null;
        }
        switch (shape.type()) {
            case STRING:
                return node.isTextual() ? node : typeError(node, shape, path);
            case BOOLEAN:
                return node.isBoolean() ? node : typeError(node, shape, path);
            case INTEGER:
                return node.isIntegralNumber() && node.canConvertToLong() ? node : typeError(node, shape, path);
            case ARRAY:
                if (!node.isArray()) {
                    return typeError(node, shape, path);
                }
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < node.size(); i++) {
                    JsonNode element = node.get(i);
                    String at = path + "[" + i + "]";
                    JsonNode checked = walk(element, shape.element(), at, reportUnknown);
                    if (checked == null) {
                        // Go leaves the zero value: an empty object, an empty string.
                        checked = switch (shape.element().type()) {
                            case OBJECT -> NODES.objectNode();
                            case STRING -> NODES.textNode("");
                            default -> NODES.nullNode();
                        };
                    }
                    array.add(checked);
                }
                return array;
            case OBJECT:
            default:
                if (!node.isObject()) {
                    return typeError(node, shape, path);
                }
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    String key = e.getKey();
                    String at = path.isEmpty() ? key : path + "." + key;
                    String name = key;
                    boolean exact = shape.fields().containsKey(key);
                    if (!exact) {
                        if (reportUnknown) {
                            warning(at, FindingKind.UNKNOWN_KEY, ValidationMessages.unknownKey(key));
                        }
                        name = shape.fields().keySet().stream().filter(key::equalsIgnoreCase).findFirst().orElse(null);
                    }
                    if (name != null) {
                        JsonNode checked = walk(e.getValue(), shape.fields().get(name), at, reportUnknown && exact);
                        if (checked == null) {
                            object.remove(name);
                        } else {
                            object.set(name, checked);
                        }
                    }
                }
                return object;
        }
    }

    private JsonNode typeError(JsonNode node, Shape shape, String path) {
        typeErrors = true;
        error(path, FindingKind.TYPE, ValidationMessages.type(shape.describe(), kind(node)));
        return null;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "the number " + node.asText() + " (out of range)"
                    : "the number " + node.asText();
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    // ---- resources -------------------------------------------------------------------------------------------

    private void checkResources(JsonNode config) {
        JsonNode ignition = config.path("ignition");
        for (Entry merge : objects(ignition.path("config").path("merge"), "ignition.config.merge")) {
            checkReference(merge.node(), merge.path());
        }
        if (ignition.path("config").path("replace").isObject()) {
            checkResource(ignition.path("config").path("replace"), "ignition.config.replace");
        }
        for (Entry ca : objects(ignition.path("security").path("tls").path("certificateAuthorities"),
                "ignition.security.tls.certificateAuthorities")) {
            checkReference(ca.node(), ca.path());
            String source = text(ca.node(), "source");
            if (version == IgnitionVersion.V3_0_0 && (source == null || source.isEmpty())) {
                error(ca.path() + ".source", FindingKind.URL_SCHEME, ValidationMessages.URL_SCHEME);
            }
        }
        for (String proxy : List.of("httpProxy", "httpsProxy")) {
            String url = text(ignition.path("proxy"), proxy);
            if (url == null) {
                continue;
            }
            if (SourceUrl.parseError(url) != null) {
                error("ignition.proxy." + proxy, FindingKind.URL_INVALID, ValidationMessages.URL_UNPARSEABLE);
            } else if (!SourceUrl.isHttp(url)) {
                error("ignition.proxy." + proxy, FindingKind.URL_SCHEME, ValidationMessages.PROXY_SCHEME);
            } else if (proxy.equals("httpsProxy")) {
                insecureProxy(url).ifPresent(w -> warning("ignition.proxy." + proxy, FindingKind.INSECURE_PROXY, w));
            }
        }
        for (Entry file : objects(config.path("storage").path("files"), "storage.files")) {
            if (file.node().path("contents").isObject()) {
                checkResource(file.node().path("contents"), file.path() + ".contents");
            }
            for (Entry append : objects(file.node().path("append"), file.path() + ".append")) {
                checkResource(append.node(), append.path());
            }
        }
        for (Entry luks : objects(config.path("storage").path("luks"), "storage.luks")) {
            if (luks.node().path("keyFile").isObject()) {
                checkResource(luks.node().path("keyFile"), luks.path() + ".keyFile");
            }
        }
    }

    /** A config to merge or a CA: from 3.1.0 on, Ignition wants a source and repeats a bad one at the entry. */
    private void checkReference(JsonNode reference, String path) {
        checkResource(reference, path);
        if (version == IgnitionVersion.V3_0_0) {
            return;
        }
        String source = text(reference, "source");
        if (source == null || source.isEmpty()) {
            error(path, FindingKind.MISSING_FIELD, ValidationMessages.SOURCE_REQUIRED);
        } else {
            SourceUrl.Problem problem = SourceUrl.check(source, version);
            if (problem != null) {
                error(path, problem.kind(), problem.message());
            }
        }
    }

    private void checkResource(JsonNode resource, String path) {
        String source = text(resource, "source");
        String compression = text(resource, "compression");
        if (compression != null && !compression.isEmpty() && !compression.equals("gzip")) {
            error(path + ".compression", FindingKind.COMPRESSION, ValidationMessages.COMPRESSION);
        }
        String hash = text(resource.path("verification"), "hash");
        if (hash != null) {
            if (source == null) {
                error(path + ".verification.hash", FindingKind.HASH, ValidationMessages.HASH_NO_SOURCE);
            }
            String why = hashError(hash);
            if (why != null) {
                error(path + ".verification.hash", FindingKind.HASH, why);
            }
        }
        if (source != null && !source.isEmpty()) {
            SourceUrl.Problem problem = SourceUrl.check(source, version);
            if (problem != null) {
                error(path + ".source", problem.kind(), problem.message());
            }
        }
        JsonNode headers = resource.path("httpHeaders");
        if (headers.isArray() && headers.size() > 0) {
            if (source == null || source.isEmpty() || SourceUrl.parseError(source) != null || !SourceUrl.isHttp(source)) {
                error(path + ".httpHeaders", FindingKind.HTTP_HEADER, ValidationMessages.HEADERS_SCHEME);
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < headers.size(); i++) {
                String name = text(headers.get(i), "name");
                if (name == null || name.isEmpty()) {
                    error(path + ".httpHeaders[" + i + "].name", FindingKind.HTTP_HEADER, ValidationMessages.HEADER_NAME);
                }
                String value = text(headers.get(i), "value");
                if (value != null && value.isEmpty()) {
                    error(path + ".httpHeaders[" + i + "].value", FindingKind.HTTP_HEADER, ValidationMessages.HEADER_VALUE);
                }
                if (!names.add(name == null ? "" : name)) {
                    error(path + ".httpHeaders[" + i + "]", FindingKind.DUPLICATE_ENTRY, ValidationMessages.DUPLICATE);
                }
            }
        }
    }

    private String hashError(String hash) {
        int dash = hash.indexOf('-');
        if (dash < 0) {
            return ValidationMessages.HASH_MALFORMED;
        }
        String function = hash.substring(0, dash);
        int size;
        if (function.equals("sha512")) {
            size = 128;
        } else if (function.equals("sha256") && version.compareTo(IgnitionVersion.V3_1_0) >= 0) {
            size = 64;
        } else {
            return ValidationMessages.HASH_FUNCTION;
        }
        // Ignition checks only the length of the digest (in bytes), not that it is hex.
        return hash.substring(dash + 1).getBytes(StandardCharsets.UTF_8).length == size ? null : ValidationMessages.HASH_SIZE;
    }

    // ---- storage ---------------------------------------------------------------------------------------------

    private void checkStorage(JsonNode storage) {
        List<Entry> links = objects(storage.path("links"), "storage.links");
        List<Entry> directories = objects(storage.path("directories"), "storage.directories");
        List<String> linkPaths = new ArrayList<>();
        for (Entry link : links) {
            linkPaths.add(orEmpty(text(link.node(), "path")));
        }
        Set<String> seen = new HashSet<>();
        for (Entry dir : directories) {
            checkNode(dir.node(), dir.path(), linkPaths, ValidationMessages.DIR_UNDER_LINK, seen);
            checkMode(dir.node(), dir.path());
        }
        for (Entry file : objects(storage.path("files"), "storage.files")) {
            checkNode(file.node(), file.path(), linkPaths, ValidationMessages.FILE_UNDER_LINK, seen);
            checkMode(file.node(), file.path());
            if (file.node().path("overwrite").booleanValue() && text(file.node().path("contents"), "source") == null) {
                error(file.path() + ".overwrite", FindingKind.OVERWRITE, ValidationMessages.OVERWRITE);
            }
        }
        Set<String> directoryPaths = new HashSet<>();
        for (Entry dir : directories) {
            directoryPaths.add(cleanPath(orEmpty(text(dir.node(), "path"))));
        }
        for (Entry link : links) {
            checkNode(link.node(), link.path(), linkPaths, ValidationMessages.LINK_UNDER_LINK, seen);
            String target = orEmpty(text(link.node(), "target"));
            if (link.node().path("hard").booleanValue() && directoryPaths.contains(cleanPath(target))) {
                error(link.path(), FindingKind.HARD_LINK_TO_DIRECTORY, ValidationMessages.HARD_LINK_TO_DIR);
            }
            // Ignition asks for a target only from spec 3.3.0 on.
            if (version.compareTo(IgnitionVersion.V3_3_0) >= 0 && target.isEmpty()) {
                error(link.path() + ".target", FindingKind.MISSING_FIELD, ValidationMessages.LINK_TARGET);
            } else if (version.compareTo(IgnitionVersion.V3_4_0) >= 0 && link.node().path("hard").booleanValue()) {
                // A hard link shares its target's owner; upstream warns from 3.4.0 on (2.14 did not).
                for (String owner : List.of("user.id", "user.name", "group.id", "group.name")) {
                    if (link.node().at("/" + owner.replace('.', '/')).isValueNode()) {
                        warning(link.path() + "." + owner, FindingKind.HARD_LINK_OWNER, ValidationMessages.HARD_LINK_OWNER);
                    }
                }
            }
        }
    }

    private void checkNode(JsonNode node, String path, List<String> linkPaths, String underLink, Set<String> seen) {
        String p = orEmpty(text(node, "path"));
        if (p.isEmpty()) {
            error(path + ".path", FindingKind.MISSING_FIELD, ValidationMessages.PATH_NOT_SPECIFIED);
        } else if (!p.startsWith("/")) {
            error(path + ".path", FindingKind.PATH_NOT_ABSOLUTE, ValidationMessages.PATH_RELATIVE);
        } else if (!cleanPath(p).equals(p)) {
            error(path + ".path", FindingKind.PATH_NOT_SIMPLIFIED, ValidationMessages.PATH_DIRTY);
        }
        for (String owner : List.of("user", "group")) {
            JsonNode o = node.path(owner);
            String name = text(o, "name");
            if (o.path("id").isNumber() && name != null && !name.isEmpty()) {
                error(path + "." + owner, FindingKind.OWNER, ValidationMessages.OWNER);
            }
        }
        for (String link : linkPaths) {
            if (p.startsWith(link + "/")) {
                error(path, FindingKind.PATH_UNDER_LINK, underLink);
                break;
            }
        }
        if (!seen.add(p)) {
            error(path, FindingKind.DUPLICATE_PATH, ValidationMessages.DUPLICATE);
        }
    }

    private void checkMode(JsonNode node, String path) {
        JsonNode mode = node.path("mode");
        if (!mode.isIntegralNumber()) {
            return;
        }
        long m = mode.longValue();
        if (m < 0 || m > 07777) {
            error(path + ".mode", FindingKind.MODE, ValidationMessages.MODE);
        }
        if ((m & 07000) != 0 && version.compareTo(IgnitionVersion.V3_4_0) < 0) {
            warning(path + ".mode", FindingKind.MODE, ValidationMessages.MODE_SPECIAL);
        }
    }

    /** Go's path.Clean. */
    static String cleanPath(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add(part);
                }
            } else {
                out.add(part);
            }
        }
        String joined = String.join("/", out);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    // ---- systemd ---------------------------------------------------------------------------------------------

    private void checkSystemd(JsonNode systemd) {
        Set<String> units = new HashSet<>();
        for (Entry entry : objects(systemd.path("units"), "systemd.units")) {
            JsonNode unit = entry.node();
            String path = entry.path();
            String name = orEmpty(text(unit, "name"));
            if (!UNIT_TYPES.contains(extension(name))) {
                error(path + ".name", FindingKind.UNIT_EXTENSION, ValidationMessages.UNIT_EXT);
            }
            String contents = text(unit, "contents");
            if (contents != null) {
                var parsed = UnitSyntax.read(contents, UnitSyntax.Dialect.GO_SYSTEMD);
                if (parsed.error().isPresent()) {
                    error(path + ".contents", FindingKind.UNIT_CONTENTS, ValidationMessages.unitContents(parsed.error().get()));
                } else if (unit.path("enabled").booleanValue() && !contents.isEmpty() && !parsed.hasInstall()) {
                    warning(path + ".contents", FindingKind.ENABLED_WITHOUT_INSTALL, ValidationMessages.noInstall(name));
                }
            }
            Set<String> dropins = new HashSet<>();
            for (Entry dropinEntry : objects(unit.path("dropins"), path + ".dropins")) {
                JsonNode dropin = dropinEntry.node();
                String at = dropinEntry.path();
                String dropinName = orEmpty(text(dropin, "name"));
                if (!extension(dropinName).equals(".conf")) {
                    error(at + ".name", FindingKind.DROPIN_EXTENSION, ValidationMessages.DROPIN_EXT);
                }
                String dropinContents = text(dropin, "contents");
                if (dropinContents != null) {
                    UnitSyntax.read(dropinContents, UnitSyntax.Dialect.GO_SYSTEMD).error().ifPresent(why ->
                            error(at + ".contents", FindingKind.UNIT_CONTENTS, ValidationMessages.unitContents(why)));
                }
                if (!dropins.add(dropinName)) {
                    error(at, FindingKind.DUPLICATE_DROPIN, ValidationMessages.DUPLICATE);
                }
            }
            if (!units.add(name)) {
                error(path, FindingKind.DUPLICATE_UNIT, ValidationMessages.DUPLICATE);
            }
        }
    }

    /** Go's path.Ext. */
    static String extension(String name) {
        for (int i = name.length() - 1; i >= 0 && name.charAt(i) != '/'; i--) {
            if (name.charAt(i) == '.') {
                return name.substring(i);
            }
        }
        return "";
    }

    // ---- duplicates elsewhere --------------------------------------------------------------------------------

    private void checkOtherDuplicates(JsonNode config) {
        JsonNode ignition = config.path("ignition");
        duplicates(List.of(ignition.path("config").path("merge")), List.of("ignition.config.merge"), "source");
        duplicates(List.of(ignition.path("security").path("tls").path("certificateAuthorities")),
                List.of("ignition.security.tls.certificateAuthorities"), "source");
        duplicates(List.of(ignition.path("proxy").path("noProxy")), List.of("ignition.proxy.noProxy"), null);
        JsonNode args = config.path("kernelArguments");
        duplicates(List.of(args.path("shouldExist"), args.path("shouldNotExist")),
                List.of("kernelArguments.shouldExist", "kernelArguments.shouldNotExist"), null);
        duplicates(List.of(config.path("passwd").path("users")), List.of("passwd.users"), "name");
        duplicates(List.of(config.path("passwd").path("groups")), List.of("passwd.groups"), "name");
        for (Entry user : objects(config.path("passwd").path("users"), "passwd.users")) {
            duplicates(List.of(user.node().path("groups")), List.of(user.path() + ".groups"), null);
            duplicates(List.of(user.node().path("sshAuthorizedKeys")), List.of(user.path() + ".sshAuthorizedKeys"), null);
        }
    }

    private void duplicates(List<JsonNode> lists, List<String> paths, String keyField) {
        Set<String> seen = new HashSet<>();
        for (int l = 0; l < lists.size(); l++) {
            JsonNode list = lists.get(l);
            for (int i = 0; i < list.size(); i++) {
                JsonNode e = list.get(i);
                String key = keyField == null ? e.asText() : orEmpty(text(e, keyField));
                if (!seen.add(key)) {
                    error(paths.get(l) + "[" + i + "]", FindingKind.DUPLICATE_ENTRY, ValidationMessages.DUPLICATE);
                }
            }
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    /** An object in a list of the config, with its path. */
    record Entry(JsonNode node, String path) {
    }

    /** The objects in a list, with their paths; none when it is not a list. */
    static List<Entry> objects(JsonNode list, String path) {
        if (!list.isArray()) {
            return List.of();
        }
        return IntStream.range(0, list.size()).filter(i -> list.get(i).isObject())
                .mapToObj(i -> new Entry(list.get(i), path + "[" + i + "]")).toList();
    }

    private static String text(JsonNode object, String key) {
        JsonNode value = object.path(key);
        return value.isTextual() ? value.textValue() : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private void error(String path, FindingKind kind, String message) {
        errors.add(new Finding(path, kind, message));
    }

    private void warning(String path, FindingKind kind, String message) {
        warnings.add(new Finding(path, kind, message));
    }
}
