package io.github.ignitionassets.ignition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An Ignition config (spec 3.x) under construction. Keys are written in a fixed order, so the same content gives
 * the same bytes.
 */
public final class IgnitionConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IgnitionVersion version;
    private final ObjectNode root = JsonNodeFactory.instance.objectNode();

    public IgnitionConfig(IgnitionVersion version) {
        this.version = version;
        root.putObject("ignition").put("version", version.text());
    }

    public IgnitionVersion version() {
        return version;
    }

    /**
     * Adds a file whose contents are given inline.
     *
     * @param mode the mode as a number (0755 is 493), as Ignition's JSON takes it
     */
    public IgnitionConfig addFile(String path, byte[] contents, int mode) {
        ObjectNode file = array(object(root, "storage"), "files").addObject();
        file.put("path", path);
        file.put("overwrite", true);
        file.putObject("contents").put("source", DataUrl.percentEncoded(contents));
        file.put("mode", mode);
        return this;
    }

    /** Adds a systemd unit with the given contents. */
    public IgnitionConfig addUnit(String name, String contents, boolean enabled) {
        ObjectNode unit = array(object(root, "systemd"), "units").addObject();
        unit.put("name", name);
        unit.put("enabled", enabled);
        unit.put("contents", contents);
        return this;
    }

    /** The config as JSON: compact, UTF-8, with a final newline. */
    public byte[] toBytes() {
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode object(ObjectNode parent, String key) {
        return parent.has(key) ? (ObjectNode) parent.get(key) : parent.putObject(key);
    }

    private static ArrayNode array(ObjectNode parent, String key) {
        return parent.has(key) ? (ArrayNode) parent.get(key) : parent.putArray(key);
    }
}
