package io.github.ignitionassets.ignition;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ignitionassets.ignition.ConfigValidator.Entry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ignition's rules for the block devices of a config: {@code storage.disks} and their partitions,
 * {@code storage.filesystems}, {@code storage.raid} and {@code storage.luks} with clevis (tang, custom) and cex. They
 * are the {@code Validate} methods of {@code config/v3_*}/types ({@code disk.go}, {@code partition.go},
 * {@code filesystem.go}, {@code raid.go}, {@code device.go}, {@code luks.go}, {@code clevis.go}, {@code custom.go},
 * {@code tang.go}, {@code cex.go}, {@code storage.go}) and the duplicate check of {@code config/validate}, as
 * Ignition 2.14 has them for spec 3.0.0 to 3.3.0 and upstream's newest for 3.4.0 and 3.5.0.
 *
 * <p>The config is the one Ignition decodes (types already checked, {@code null} fields left out), so a field that
 * is absent here is a nil pointer there. Lengths are in UTF-8 bytes, as Go's {@code len} counts them.
 */
final class StorageDevices {

    private static final Pattern GUID = Pattern.compile(
            "|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Set<String> CLEVIS_PINS = Set.of("tpm2", "tang", "sss");
    private static final Set<String> RAID_LEVELS = Set.of("linear", "raid0", "0", "stripe", "raid1", "1", "mirror",
            "raid4", "4", "raid5", "5", "raid6", "6", "raid10", "10");
    private static final Set<String> RAID_LEVELS_WITHOUT_SPARES = Set.of("linear", "raid0", "0", "stripe");
    /** The longest label each format's mkfs takes (filesystem.go); other formats have no limit there. */
    private static final Map<String, Integer> LABEL_LIMITS = Map.of("ext4", 16, "btrfs", 256, "xfs", 12, "swap", 15,
            "vfat", 11);

    private final IgnitionVersion version;
    private final List<Finding> errors;
    private final List<Finding> warnings;

    private StorageDevices(IgnitionVersion version, List<Finding> errors, List<Finding> warnings) {
        this.version = version;
        this.errors = errors;
        this.warnings = warnings;
    }

    /** Checks the devices of {@code storage} (the decoded {@code storage} object, or a missing node). */
    static void check(JsonNode storage, IgnitionVersion version, List<Finding> errors, List<Finding> warnings) {
        new StorageDevices(version, errors, warnings).check(storage);
    }

    private void check(JsonNode storage) {
        List<Entry> disks = ConfigValidator.objects(storage.path("disks"), "storage.disks");
        List<Entry> filesystems = ConfigValidator.objects(storage.path("filesystems"), "storage.filesystems");
        disks.forEach(this::checkDisk);
        filesystems.forEach(this::checkFilesystem);
        ConfigValidator.objects(storage.path("raid"), "storage.raid").forEach(this::checkRaid);
        ConfigValidator.objects(storage.path("luks"), "storage.luks").forEach(this::checkLuks);
        if (version.compareTo(IgnitionVersion.V3_4_0) >= 0) {
            checkFilesystemsOnDisks(disks, filesystems);
        }
        duplicates(storage.path("disks"), "storage.disks", "device");
        duplicates(storage.path("filesystems"), "storage.filesystems", "device");
        duplicates(storage.path("raid"), "storage.raid", "name");
        duplicates(storage.path("luks"), "storage.luks", "name");
    }

    // ---- disks and partitions (disk.go, partition.go) ----------------------------------------------------------

    private void checkDisk(Entry disk) {
        List<Entry> partitions = ConfigValidator.objects(disk.node().path("partitions"), disk.path() + ".partitions");
        partitions.forEach(this::checkPartition);
        List<String> keys = partitions.stream().map(p -> partitionKey(p.node())).toList();
        duplicates(keys, disk.path() + ".partitions");

        String device = orEmpty(text(disk.node(), "device"));
        if (device.isEmpty()) {
            // Ignition stops here: the partitions' placement is not checked on a disk without a device.
            error(disk.path() + ".device", FindingKind.MISSING_FIELD, ValidationMessages.DISK_DEVICE_REQUIRED);
            return;
        }
        checkPath(device, disk.path() + ".device");
        numberCollision(partitions).ifPresent(i ->
                error(partitions.get(i).path(), FindingKind.PARTITION_NUMBER_COLLISION, ValidationMessages.PARTITION_NUMBERS_COLLIDE));
        overlap(partitions).ifPresent(i ->
                error(partitions.get(i).path(), FindingKind.PARTITION_OVERLAP, ValidationMessages.PARTITIONS_OVERLAP));
        // Ignition 2.14 refuses shouldExist false beside a partition numbered 0; upstream dropped the rule for 3.4.0 on.
        if (version.compareTo(IgnitionVersion.V3_4_0) < 0
                && partitions.stream().anyMatch(p -> isFalse(p.node(), "shouldExist"))
                && partitions.stream().anyMatch(p -> p.node().path("number").asLong() == 0)) {
            error(disk.path() + ".partitions", FindingKind.SHOULD_NOT_EXIST, ValidationMessages.ZEROES_WITH_SHOULD_NOT_EXIST);
        }
        labelCollision(partitions).ifPresent(i ->
                error(partitions.get(i).path(), FindingKind.PARTITION_LABEL_COLLISION, ValidationMessages.PARTITION_LABELS_COLLIDE));
    }

    private void checkPartition(Entry partition) {
        JsonNode p = partition.node();
        String label = text(p, "label");
        if (isFalse(p, "shouldExist") && (label != null || notEmpty(p, "typeGuid") || notEmpty(p, "guid")
                || p.has("startMiB") || p.has("sizeMiB"))) {
            error(partition.path(), FindingKind.SHOULD_NOT_EXIST, ValidationMessages.SHOULD_NOT_EXIST_WITH_OTHERS);
        }
        if (p.path("number").asLong() == 0 && label == null) {
            error(partition.path(), FindingKind.PARTITION_NOT_IDENTIFIED, ValidationMessages.NEED_LABEL_OR_NUMBER);
        }
        if (label != null) {
            // GPT keeps 36 UTF-16 code units, Ignition counts bytes; sgdisk cannot escape a colon.
            if (bytes(label) > 36) {
                error(partition.path() + ".label", FindingKind.PARTITION_LABEL, ValidationMessages.PARTITION_LABEL_TOO_LONG);
            } else if (label.contains(":")) {
                error(partition.path() + ".label", FindingKind.PARTITION_LABEL, ValidationMessages.PARTITION_LABEL_COLON);
            }
        }
        for (String field : List.of("guid", "typeGuid")) {
            String guid = text(p, field);
            if (guid != null && !GUID.matcher(guid).matches()) {
                error(partition.path() + "." + field, FindingKind.GUID, ValidationMessages.GUID);
            }
        }
    }

    /** The key Ignition compares partitions by (partition.go's {@code Key}). */
    private static String partitionKey(JsonNode partition) {
        long number = partition.path("number").asLong();
        String label = text(partition, "label");
        return number != 0 ? "number:" + number : label != null ? "label:" + label : "";
    }

    /** The second partition with a number another has (0 is "the next free one", which many may take). */
    private static OptionalInt numberCollision(List<Entry> partitions) {
        // Ignition ranges over a Go map here, so with two collisions either may be named; this names the first.
        Map<Long, List<Integer>> byNumber = new LinkedHashMap<>();
        for (int i = 0; i < partitions.size(); i++) {
            long number = partitions.get(i).node().path("number").asLong();
            if (number != 0) {
                byNumber.computeIfAbsent(number, n -> new ArrayList<>()).add(i);
            }
        }
        return byNumber.values().stream().filter(l -> l.size() > 1).mapToInt(l -> l.get(1)).findFirst();
    }

    /** The first partition with the same label as an earlier one. */
    private static OptionalInt labelCollision(List<Entry> partitions) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < partitions.size(); i++) {
            String label = text(partitions.get(i).node(), "label");
            if (label != null && !seen.add(label)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * A partition that overlaps another, both with a start and a size, as disk.go finds it. A start of 0 is placed by
     * sgdisk and a size of 0 fills the free space: Ignition does not know the disk, so such a partition ends at its
     * start.
     */
    private static OptionalInt overlap(List<Entry> partitions) {
        for (int j = 0; j < partitions.size(); j++) {
            Extent p = Extent.of(partitions.get(j).node());
            if (p == null) {
                continue;
            }
            for (int i = 0; i < partitions.size(); i++) {
                Extent o = Extent.of(partitions.get(i).node());
                if (o == null || i == j) {
                    continue;
                }
                if (p.start() >= o.start() && p.start() <= o.end() || p.end() >= o.start() && p.end() <= o.end()
                        || p.start() < o.start() && p.end() > o.end()) {
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Where a partition starts and ends, in MiB; only for one with a start (not 0) and a size. */
    private record Extent(long start, long end) {

        static Extent of(JsonNode partition) {
            JsonNode start = partition.get("startMiB");
            JsonNode size = partition.get("sizeMiB");
            if (start == null || size == null || start.asLong() == 0) {
                return null;
            }
            long s = start.asLong();
            return new Extent(s, size.asLong() == 0 ? s : s + size.asLong() - 1);
        }
    }

    // ---- filesystems (filesystem.go, storage.go) ---------------------------------------------------------------

    private void checkFilesystem(Entry filesystem) {
        JsonNode f = filesystem.node();
        String path = orEmpty(text(f, "path"));
        if (!path.isEmpty()) {
            checkPath(path, filesystem.path() + ".path");
        }
        checkPath(orEmpty(text(f, "device")), filesystem.path() + ".device");
        String format = orEmpty(text(f, "format"));
        if (format.isEmpty()) {
            // mountOptions is in the decoded config only from 3.1.0 on, as in Ignition's types.
            if (notEmpty(f, "path") || notEmpty(f, "label") || notEmpty(f, "uuid") || f.path("wipeFilesystem").booleanValue()
                    || f.path("mountOptions").size() > 0 || f.path("options").size() > 0) {
                error(filesystem.path() + ".format", FindingKind.FILESYSTEM_FORMAT, ValidationMessages.FORMAT_NIL_WITH_OTHERS);
            }
        } else if (!formats().contains(format)) {
            error(filesystem.path() + ".format", FindingKind.FILESYSTEM_FORMAT, ValidationMessages.FORMAT_INVALID);
        }
        String label = orEmpty(text(f, "label"));
        if (label.isEmpty()) {
            return;
        }
        if (format.isEmpty()) {
            error(filesystem.path() + ".label", FindingKind.FILESYSTEM_LABEL, ValidationMessages.LABEL_NEEDS_FORMAT);
        } else if (LABEL_LIMITS.containsKey(format) && bytes(label) > LABEL_LIMITS.get(format)) {
            error(filesystem.path() + ".label", FindingKind.FILESYSTEM_LABEL,
                    ValidationMessages.filesystemLabelTooLong(LABEL_LIMITS.get(format), format));
        }
    }

    private Set<String> formats() {
        return version.compareTo(IgnitionVersion.V3_3_0) >= 0 ? Set.of("ext4", "btrfs", "xfs", "swap", "vfat", "none")
                : Set.of("ext4", "btrfs", "xfs", "swap", "vfat");
    }

    /** Upstream's warnings (3.4.0 on) for a filesystem made on a whole disk that the config partitions or wipes. */
    private void checkFilesystemsOnDisks(List<Entry> disks, List<Entry> filesystems) {
        // As in storage.go, the last disk of a device is the one that counts.
        Map<String, JsonNode> byDevice = new HashMap<>();
        disks.forEach(d -> byDevice.put(orEmpty(text(d.node(), "device")), d.node()));
        for (Entry filesystem : filesystems) {
            JsonNode disk = byDevice.get(orEmpty(text(filesystem.node(), "device")));
            if (disk == null) {
                continue;
            }
            if (disk.path("partitions").size() > 0) {
                warning(filesystem.path() + ".device", FindingKind.PARTITIONS_OVERWRITTEN, ValidationMessages.PARTITIONS_OVERWRITTEN);
            } else if (!filesystem.node().path("wipeFilesystem").booleanValue() && disk.path("wipeTable").booleanValue()) {
                warning(filesystem.path() + ".device", FindingKind.FILESYSTEM_IMPLICIT_WIPE, ValidationMessages.FILESYSTEM_IMPLICIT_WIPE);
            }
        }
    }

    // ---- RAID (raid.go, device.go) -----------------------------------------------------------------------------

    private void checkRaid(Entry raid) {
        JsonNode r = raid.node();
        String level = orEmpty(text(r, "level"));
        if (level.isEmpty() && version.compareTo(IgnitionVersion.V3_3_0) >= 0) {
            error(raid.path() + ".level", FindingKind.MISSING_FIELD, ValidationMessages.RAID_LEVEL_REQUIRED);
        } else if (!RAID_LEVELS.contains(level)) {
            // Before 3.3.0 the level is a plain string: an empty one is just not a level Ignition knows.
            error(raid.path() + ".level", FindingKind.RAID_LEVEL, ValidationMessages.RAID_LEVEL_UNRECOGNIZED);
        } else if (RAID_LEVELS_WITHOUT_SPARES.contains(level) && r.path("spares").asLong() != 0) {
            error(raid.path() + ".level", FindingKind.RAID_LEVEL, ValidationMessages.RAID_SPARES_UNSUPPORTED);
        }
        JsonNode devices = r.path("devices");
        if (devices.size() == 0) {
            error(raid.path() + ".devices", FindingKind.MISSING_FIELD, ValidationMessages.RAID_DEVICES_REQUIRED);
        }
        for (int i = 0; i < devices.size(); i++) {
            checkPath(devices.get(i).asText(), raid.path() + ".devices[" + i + "]");
        }
        duplicates(devices, raid.path() + ".devices", null);
    }

    // ---- LUKS (luks.go, clevis.go, custom.go, tang.go, cex.go) -------------------------------------------------

    private void checkLuks(Entry luks) {
        JsonNode l = luks.node();
        if (orEmpty(text(l, "name")).contains("/")) {
            error(luks.path() + ".name", FindingKind.LUKS_NAME, ValidationMessages.LUKS_NAME_SLASH);
        }
        if (bytes(orEmpty(text(l, "label"))) > 47) {
            // cryptsetup's LUKS2_LABEL_L is 48 bytes with the terminating NUL.
            error(luks.path() + ".label", FindingKind.LUKS_LABEL, ValidationMessages.LUKS_LABEL_TOO_LONG);
        }
        String device = orEmpty(text(l, "device"));
        if (device.isEmpty()) {
            error(luks.path() + ".device", FindingKind.MISSING_FIELD, ValidationMessages.DISK_DEVICE_REQUIRED);
        } else {
            checkPath(device, luks.path() + ".device");
        }
        JsonNode clevis = l.path("clevis");
        JsonNode custom = clevis.path("custom");
        boolean others = clevis.path("tang").size() > 0 || clevis.path("tpm2").booleanValue()
                || clevis.path("threshold").asLong() != 0;
        // In 3.2.0 custom is a pointer: any custom object counts; from 3.3.0 on only a custom pin does.
        boolean customGiven = version == IgnitionVersion.V3_2_0 ? custom.isObject() : notEmpty(custom, "pin");
        if (customGiven && others) {
            error(luks.path() + ".clevis", FindingKind.CLEVIS, ValidationMessages.CLEVIS_CUSTOM_WITH_OTHERS);
        }
        String keyFile = orEmpty(text(l.path("keyFile"), "source"));
        if (!keyFile.isEmpty() && SourceUrl.check(keyFile, version) != null) {
            // Ignition names a "keys" field that does not exist, so it is placed at the LUKS device.
            error(luks.path() + ".keys", FindingKind.LUKS_KEY_FILE, ValidationMessages.LUKS_KEY_FILE);
        }
        if (l.path("cex").path("enabled").booleanValue()) {
            if (notEmpty(custom, "pin") || others) {
                error(luks.path() + ".cex", FindingKind.CEX, ValidationMessages.CEX_WITH_CLEVIS);
            }
            if (!keyFile.isEmpty()) {
                error(luks.path() + ".cex", FindingKind.CEX, ValidationMessages.CEX_WITH_KEY_FILE);
            }
        }
        if (custom.isObject()) {
            checkCustom(custom, luks.path() + ".clevis.custom");
        }
        List<Entry> tangs = ConfigValidator.objects(clevis.path("tang"), luks.path() + ".clevis.tang");
        tangs.forEach(this::checkTang);
        duplicates(clevis.path("tang"), luks.path() + ".clevis.tang", "url");
        // Unlike options, openOptions (3.4.0 on) may not repeat an entry.
        duplicates(l.path("openOptions"), luks.path() + ".openOptions", null);
    }

    private void checkCustom(JsonNode custom, String path) {
        String pin = orEmpty(text(custom, "pin"));
        String config = orEmpty(text(custom, "config"));
        boolean v33 = version.compareTo(IgnitionVersion.V3_3_0) >= 0;
        // needsNetwork alone asks for a custom pin only from 3.3.0 on.
        if (pin.isEmpty() && config.isEmpty() && !(v33 && custom.path("needsNetwork").booleanValue())) {
            return;
        }
        if (pin.isEmpty() && v33) {
            error(path + ".pin", FindingKind.MISSING_FIELD, ValidationMessages.CLEVIS_PIN_REQUIRED);
        } else if (!CLEVIS_PINS.contains(pin)) {
            error(path + ".pin", FindingKind.CLEVIS, ValidationMessages.CLEVIS_PIN_UNKNOWN);
        }
        if (config.isEmpty()) {
            error(path + ".config", FindingKind.MISSING_FIELD, ValidationMessages.CLEVIS_CONFIG_REQUIRED);
        }
    }

    private void checkTang(Entry tang) {
        String url = orEmpty(text(tang.node(), "url"));
        if (SourceUrl.parseError(url) != null) {
            error(tang.path() + ".url", FindingKind.URL_INVALID, ValidationMessages.URL_UNPARSEABLE);
        } else if (!SourceUrl.isHttp(url)) {
            error(tang.path() + ".url", FindingKind.URL_SCHEME, ValidationMessages.URL_SCHEME);
        }
        if (!notEmpty(tang.node(), "thumbprint")) {
            error(tang.path() + ".thumbprint", FindingKind.MISSING_FIELD, ValidationMessages.TANG_THUMBPRINT_REQUIRED);
        }
        // advertisement is in the decoded config only from 3.4.0 on.
        String advertisement = orEmpty(text(tang.node(), "advertisement"));
        if (!advertisement.isEmpty() && !isJson(advertisement)) {
            error(tang.path() + ".advertisement", FindingKind.TANG_ADVERTISEMENT, ValidationMessages.TANG_ADVERTISEMENT);
        }
    }

    /** Whether Go's json.Unmarshal into an {@code any} takes the text. */
    private static boolean isJson(String text) {
        try {
            JsonNode value = ConfigJson.read(text);
            return value != null && numbersFitFloat64(value);
        } catch (ConfigJson.SyntaxException e) {
            return false;
        }
    }

    /** Go reads each number as a float64; one beyond its range (1e400) fails, one too small (1e-400) is 0. */
    private static boolean numbersFitFloat64(JsonNode node) {
        if (node.isNumber()) {
            return Double.isFinite(node.doubleValue());
        }
        for (JsonNode child : node) {
            if (!numbersFitFloat64(child)) {
                return false;
            }
        }
        return true;
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    /** Go's validatePath (path.go): a device or mount point must be there, absolute and clean. */
    private void checkPath(String p, String path) {
        if (p.isEmpty()) {
            error(path, FindingKind.MISSING_FIELD, ValidationMessages.PATH_NOT_SPECIFIED);
        } else if (!p.startsWith("/")) {
            error(path, FindingKind.PATH_NOT_ABSOLUTE, ValidationMessages.PATH_RELATIVE);
        } else if (!ConfigValidator.cleanPath(p).equals(p)) {
            error(path, FindingKind.PATH_NOT_SIMPLIFIED, ValidationMessages.PATH_DIRTY);
        }
    }

    /** config/validate's duplicate check of one list: entries by {@code keyField}, or strings by themselves. */
    private void duplicates(JsonNode list, String path, String keyField) {
        List<String> keys = new ArrayList<>();
        for (JsonNode e : list) {
            keys.add(keyField == null ? e.asText() : orEmpty(text(e, keyField)));
        }
        duplicates(keys, path);
    }

    private void duplicates(List<String> keys, String path) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(keys.get(i))) {
                error(path + "[" + i + "]", FindingKind.DUPLICATE_ENTRY, ValidationMessages.DUPLICATE);
            }
        }
    }

    private static String text(JsonNode object, String key) {
        JsonNode value = object.path(key);
        return value.isTextual() ? value.textValue() : null;
    }

    private static boolean notEmpty(JsonNode object, String key) {
        return !orEmpty(text(object, key)).isEmpty();
    }

    /** Go's util.IsFalse: given, and false. */
    private static boolean isFalse(JsonNode object, String key) {
        return object.path(key).isBoolean() && !object.path(key).booleanValue();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private void error(String path, FindingKind kind, String message) {
        errors.add(new Finding(path, kind, message));
    }

    private void warning(String path, FindingKind kind, String message) {
        warnings.add(new Finding(path, kind, message));
    }
}
