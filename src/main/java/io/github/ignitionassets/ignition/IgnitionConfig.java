package io.github.ignitionassets.ignition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Ignition config (spec 3.x) under construction: empty, or a user's base config whose every entry is kept as
 * written. Entries we own (a file at a path, a unit by name, a drop-in by unit and name) replace any entry of the
 * same identity, so each appears once. Keys keep their order (base first, ours in a fixed order), so the same
 * content gives the same bytes.
 */
public final class IgnitionConfig {

    private final IgnitionVersion version;
    private final ObjectNode root;
    private final List<String> replaced = new ArrayList<>();

    private IgnitionConfig(IgnitionVersion version, ObjectNode root) {
        this.version = version;
        this.root = root;
        object(root, "ignition").put("version", version.text());
    }

    /** An empty config of the given version. */
    public IgnitionConfig(IgnitionVersion version) {
        this(version, JsonNodeFactory.instance.objectNode());
    }

    /**
     * A config built on a base config, written as {@code version}.
     *
     * @param base a config already checked to be valid and of a version no newer than {@code version}
     */
    public static IgnitionConfig onBase(ObjectNode base, IgnitionVersion version) {
        ObjectNode copy = base.deepCopy();
        if (!copy.has("ignition")) {
            // keep "ignition" first, as Ignition's own configs have it
            ObjectNode ordered = JsonNodeFactory.instance.objectNode();
            ordered.putObject("ignition");
            ordered.setAll(copy);
            copy = ordered;
        }
        return new IgnitionConfig(version, copy);
    }

    public IgnitionVersion version() {
        return version;
    }

    /** What replaced an entry of the base config, e.g. {@code storage.files: /usr/local/bin/agent-pull-image}. */
    public List<String> replacements() {
        return List.copyOf(replaced);
    }

    /**
     * Puts a file whose contents are given inline, encoded as the shortest data URL (gzip is not used on 3.0.0,
     * as Butane does not use it there).
     *
     * @param mode the mode as a number (0755 is 493), as Ignition's JSON takes it; {@code null} for Ignition's default
     */
    public IgnitionConfig putFile(String path, byte[] contents, Integer mode) {
        ArrayNode files = array(object(root, "storage"), "files");
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.put("path", path);
        file.put("overwrite", true);
        DataUrl.Encoded encoded = DataUrl.shortest(contents, version != IgnitionVersion.V3_0_0);
        ObjectNode body = file.putObject("contents");
        if (encoded.compression() != null) {
            body.put("compression", encoded.compression());
        }
        body.put("source", encoded.source());
        if (mode != null) {
            file.put("mode", mode);
        }
        put(files, "path", path, file, "storage.files");
        return this;
    }

    /**
     * Puts a systemd unit with the given contents. The drop-ins of a unit of that name already in the config are
     * kept: they are the site's settings for the unit, which systemd merges with ours.
     */
    public IgnitionConfig putUnit(String name, String contents, Boolean enabled) {
        ArrayNode units = array(object(root, "systemd"), "units");
        ObjectNode unit = JsonNodeFactory.instance.objectNode();
        unit.put("name", name);
        if (enabled != null) {
            unit.put("enabled", enabled);
        }
        unit.put("contents", contents);
        ObjectNode existing = find(units, "name", name);
        if (existing != null && existing.path("dropins").isArray()) {
            unit.set("dropins", existing.get("dropins"));
        }
        put(units, "name", name, unit, "systemd.units");
        return this;
    }

    /** The drop-ins of a unit in the config, by name, in the config's order. */
    public Map<String, String> dropins(String unitName) {
        Map<String, String> dropins = new LinkedHashMap<>();
        root.path("systemd").path("units").forEach(unit -> {
            if (unit.path("name").asText().equals(unitName)) {
                unit.path("dropins").forEach(d -> dropins.put(d.path("name").asText(), d.path("contents").asText()));
            }
        });
        return dropins;
    }

    /** The paths of the files in the config. */
    public List<String> filePaths() {
        List<String> paths = new ArrayList<>();
        root.path("storage").path("files").forEach(f -> paths.add(f.path("path").asText()));
        return paths;
    }

    /** Puts a drop-in under a unit, creating the unit entry (with no contents) when the config has none. */
    public IgnitionConfig putDropin(String unitName, String dropinName, String contents) {
        ArrayNode units = array(object(root, "systemd"), "units");
        ObjectNode unit = find(units, "name", unitName);
        if (unit == null) {
            unit = units.addObject();
            unit.put("name", unitName);
        }
        ObjectNode dropin = JsonNodeFactory.instance.objectNode();
        dropin.put("name", dropinName);
        dropin.put("contents", contents);
        put(array(unit, "dropins"), "name", dropinName, dropin, "systemd.units[" + unitName + "].dropins");
        return this;
    }

    /** The config as JSON, UTF-8 with a final newline: compact, or indented by two spaces. */
    public byte[] toBytes(boolean pretty) {
        return (ConfigJson.write(root, pretty) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The config as compact JSON. */
    public byte[] toBytes() {
        return toBytes(false);
    }

    private void put(ArrayNode array, String key, String id, ObjectNode entry, String where) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode existing = array.get(i);
            if (existing.path(key).isTextual() && existing.path(key).asText().equals(id)) {
                array.set(i, entry);
                replaced.add(where + ": " + id);
                for (int j = array.size() - 1; j > i; j--) {
                    if (array.get(j).path(key).asText().equals(id)) {
                        array.remove(j);
                    }
                }
                return;
            }
        }
        array.add(entry);
    }

    private static ObjectNode find(ArrayNode array, String key, String id) {
        for (JsonNode n : array) {
            if (n instanceof ObjectNode o && o.path(key).isTextual() && o.path(key).asText().equals(id)) {
                return o;
            }
        }
        return null;
    }

    private static ObjectNode object(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode o ? o : parent.putObject(key);
    }

    private static ArrayNode array(ObjectNode parent, String key) {
        return parent.get(key) instanceof ArrayNode a ? a : parent.putArray(key);
    }
}
