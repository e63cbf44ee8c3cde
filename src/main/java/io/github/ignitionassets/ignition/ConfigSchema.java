package io.github.ignitionassets.ignition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys and JSON types of an Ignition config, per spec version, as Ignition's {@code config/v3_*}/types define
 * them (checked against ignition-validate: a config with every key listed here gets no "Unused key" warning).
 */
final class ConfigSchema {

    /** The JSON type a field takes. */
    enum Type { STRING, BOOLEAN, INTEGER, OBJECT, ARRAY }

    /**
     * One node of the schema.
     *
     * @param type    the JSON type
     * @param fields  the keys of an object, in Go struct order (empty for other types)
     * @param element the type of an array's elements (null for other types)
     * @param pointer whether Go decodes the object into a pointer, so that {@code null} there is no object at all
     *                (Ignition warns about a {@code null} only where the struct itself belongs)
     */
    record Shape(Type type, Map<String, Shape> fields, Shape element, boolean pointer) {

        Shape(Type type, Map<String, Shape> fields, Shape element) {
            this(type, fields, element, false);
        }

        String describe() {
            return switch (type) {
                case STRING -> "a string";
                case BOOLEAN -> "a boolean";
                case INTEGER -> "an integer";
                case OBJECT -> "an object";
                case ARRAY -> "an array";
            };
        }
    }

    private static final Shape STRING = new Shape(Type.STRING, Map.of(), null);
    private static final Shape BOOLEAN = new Shape(Type.BOOLEAN, Map.of(), null);
    private static final Shape INTEGER = new Shape(Type.INTEGER, Map.of(), null);

    private ConfigSchema() {
    }

    /** The schema of a whole config of the given version. */
    static Shape of(IgnitionVersion v) {
        boolean v31 = v.compareTo(IgnitionVersion.V3_1_0) >= 0;
        boolean v32 = v.compareTo(IgnitionVersion.V3_2_0) >= 0;
        boolean v33 = v.compareTo(IgnitionVersion.V3_3_0) >= 0;
        boolean v34 = v.compareTo(IgnitionVersion.V3_4_0) >= 0;
        boolean v35 = v.compareTo(IgnitionVersion.V3_5_0) >= 0;

        Shape verification = object("hash", STRING);
        Shape resource = v31
                ? object("compression", STRING, "httpHeaders", array(object("name", STRING, "value", STRING)),
                        "source", STRING, "verification", verification)
                : object("source", STRING, "verification", verification);
        Shape fileContents = v31 ? resource
                : object("compression", STRING, "source", STRING, "verification", verification);

        Map<String, Shape> ignition = fields(
                "config", object("merge", array(resource), "replace", resource),
                "security", object("tls", object("certificateAuthorities", array(resource))),
                "timeouts", object("httpResponseHeaders", INTEGER, "httpTotal", INTEGER),
                "version", STRING);
        if (v31) {
            ignition.put("proxy", object("httpProxy", STRING, "httpsProxy", STRING, "noProxy", array(STRING)));
        }

        Map<String, Shape> user = fields("gecos", STRING, "groups", array(STRING), "homeDir", STRING, "name", STRING,
                "noCreateHome", BOOLEAN, "noLogInit", BOOLEAN, "noUserGroup", BOOLEAN, "passwordHash", STRING,
                "primaryGroup", STRING, "shell", STRING, "sshAuthorizedKeys", array(STRING), "system", BOOLEAN,
                "uid", INTEGER);
        Map<String, Shape> group = fields("gid", INTEGER, "name", STRING, "passwordHash", STRING, "system", BOOLEAN);
        if (v32) {
            user.put("shouldExist", BOOLEAN);
            group.put("shouldExist", BOOLEAN);
        }

        Shape owner = object("id", INTEGER, "name", STRING);
        Map<String, Shape> directory = node(owner);
        directory.put("mode", INTEGER);
        Map<String, Shape> file = node(owner);
        file.put("append", array(fileContents));
        file.put("contents", fileContents);
        file.put("mode", INTEGER);
        Map<String, Shape> link = node(owner);
        link.put("hard", BOOLEAN);
        link.put("target", STRING);

        Map<String, Shape> partition = fields("guid", STRING, "label", STRING, "number", INTEGER, "shouldExist", BOOLEAN,
                "sizeMiB", INTEGER, "startMiB", INTEGER, "typeGuid", STRING, "wipePartitionEntry", BOOLEAN);
        if (v32) {
            partition.put("resize", BOOLEAN);
        }
        Map<String, Shape> filesystem = fields("device", STRING, "format", STRING, "label", STRING,
                "options", array(STRING), "path", STRING, "uuid", STRING, "wipeFilesystem", BOOLEAN);
        if (v31) {
            filesystem.put("mountOptions", array(STRING));
        }
        Map<String, Shape> storage = fields(
                "directories", array(new Shape(Type.OBJECT, directory, null)),
                "disks", array(object("device", STRING, "partitions", array(new Shape(Type.OBJECT, partition, null)),
                        "wipeTable", BOOLEAN)),
                "files", array(new Shape(Type.OBJECT, file, null)),
                "filesystems", array(new Shape(Type.OBJECT, filesystem, null)),
                "links", array(new Shape(Type.OBJECT, link, null)),
                "raid", array(object("devices", array(STRING), "level", STRING, "name", STRING,
                        "options", array(STRING), "spares", INTEGER)));
        if (v32) {
            Map<String, Shape> tang = fields("thumbprint", STRING, "url", STRING);
            if (v34) {
                tang.put("advertisement", STRING);
            }
            // In 3.2.0 clevis and its custom are pointers; from 3.3.0 on they are structs.
            Shape custom = object("config", STRING, "needsNetwork", BOOLEAN, "pin", STRING);
            Shape clevis = object("custom", v33 ? custom : pointer(custom),
                    "tang", array(new Shape(Type.OBJECT, tang, null)), "threshold", INTEGER, "tpm2", BOOLEAN);
            Map<String, Shape> luks = fields(
                    "clevis", v33 ? clevis : pointer(clevis),
                    "device", STRING, "keyFile", resource, "label", STRING, "name", STRING, "options", array(STRING),
                    "uuid", STRING, "wipeVolume", BOOLEAN);
            if (v34) {
                luks.put("discard", BOOLEAN);
                luks.put("openOptions", array(STRING));
            }
            if (v35) {
                luks.put("cex", object("enabled", BOOLEAN));
            }
            storage.put("luks", array(new Shape(Type.OBJECT, luks, null)));
        }

        Shape systemd = object("units", array(object("contents", STRING,
                "dropins", array(object("contents", STRING, "name", STRING)),
                "enabled", BOOLEAN, "mask", BOOLEAN, "name", STRING)));

        Map<String, Shape> root = fields(
                "ignition", new Shape(Type.OBJECT, ignition, null),
                "passwd", object("groups", array(new Shape(Type.OBJECT, group, null)),
                        "users", array(new Shape(Type.OBJECT, user, null))),
                "storage", new Shape(Type.OBJECT, storage, null),
                "systemd", systemd);
        if (v33) {
            root.put("kernelArguments", object("shouldExist", array(STRING), "shouldNotExist", array(STRING)));
        }
        return new Shape(Type.OBJECT, root, null);
    }

    private static Map<String, Shape> node(Shape owner) {
        return fields("group", owner, "overwrite", BOOLEAN, "path", STRING, "user", owner);
    }

    private static Shape array(Shape element) {
        return new Shape(Type.ARRAY, Map.of(), element);
    }

    private static Shape pointer(Shape object) {
        return new Shape(object.type(), object.fields(), object.element(), true);
    }

    private static Shape object(Object... keysAndShapes) {
        return new Shape(Type.OBJECT, fields(keysAndShapes), null);
    }

    private static Map<String, Shape> fields(Object... keysAndShapes) {
        Map<String, Shape> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndShapes.length; i += 2) {
            map.put((String) keysAndShapes[i], (Shape) keysAndShapes[i + 1]);
        }
        return map;
    }
}
