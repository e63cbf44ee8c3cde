package io.github.ignitionassets.ignition;

/**
 * Every message {@link ConfigValidator} writes, kept together like Ignition's {@code config/shared/errors/errors.go};
 * the texts follow Ignition's where it has one.
 */
final class ValidationMessages {

    static final String EMPTY = "not a config (empty)";
    static final String NO_VALUE = "no JSON value, only white space";
    static final String NOT_OBJECT = "the config must be a JSON object";
    static final String VERSION_INVALID = "invalid config version (couldn't parse)";
    static final String PATH_NOT_SPECIFIED = "path not specified";
    static final String PATH_RELATIVE = "path not absolute";
    static final String PATH_DIRTY = "path is not fully simplified";
    static final String FILE_UNDER_LINK = "file path includes link in config";
    static final String DIR_UNDER_LINK = "directory path includes link in config";
    static final String LINK_UNDER_LINK = "link path includes link in config";
    static final String HARD_LINK_TO_DIR = "hard link target is a directory";
    static final String DUPLICATE = "duplicate entry defined";
    static final String UNIT_EXT = "invalid systemd unit extension";
    static final String DROPIN_EXT = "invalid systemd drop-in extension";
    static final String SOURCE_REQUIRED = "source is required";
    static final String LINK_TARGET = "link target is required";
    static final String COMPRESSION = "invalid compression method";
    static final String HASH_MALFORMED = "malformed hash specifier";
    static final String HASH_FUNCTION = "unrecognized hash function";
    static final String HASH_SIZE = "incorrect size for hash sum";
    static final String HASH_NO_SOURCE = "source must be specified if verification is specified";
    static final String OVERWRITE = "overwrite must be false if source is unspecified";
    static final String MODE = "illegal file mode";
    static final String MODE_SPECIAL = "setuid/setgid/sticky bits are not supported in spec versions older than 3.4.0";
    static final String OWNER = "cannot set both id and name";
    static final String URL_UNPARSEABLE = "unable to parse url";
    static final String URL_SCHEME = "invalid url scheme";
    static final String S3_VERSION_ID = "invalid S3 object VersionId";
    static final String S3_ARN = "invalid S3 ARN format";
    static final String PROXY_SCHEME = "proxies must be http(s)";
    static final String PROXY_INSECURE = "insecure plaintext HTTP proxy specified for HTTPS resources";
    static final String HEADERS_SCHEME = "cannot use HTTP headers with this source scheme";
    static final String HEADER_NAME = "HTTP header name can't be empty";
    static final String NULL_OBJECT = "null where an object belongs: Ignition reads it as an empty object";
    static final String HEADER_VALUE = "unable to parse HTTP header";
    static final String HARD_LINK_OWNER = "user/group ignored for hard link";
    static final String DISK_DEVICE_REQUIRED = "disk device is required";
    static final String PARTITION_NUMBERS_COLLIDE = "partition numbers collide";
    static final String PARTITIONS_OVERLAP = "partitions overlap";
    static final String PARTITION_LABELS_COLLIDE = "cannot use the same partition label twice";
    static final String ZEROES_WITH_SHOULD_NOT_EXIST =
            "shouldExist is false for a partition and other partition(s) has start or size 0";
    static final String SHOULD_NOT_EXIST_WITH_OTHERS = "shouldExist specified false with other options also specified";
    static final String NEED_LABEL_OR_NUMBER = "a partition number >= 1 or a label must be specified";
    static final String PARTITION_LABEL_TOO_LONG = "partition labels may not exceed 36 characters";
    static final String PARTITION_LABEL_COLON = "partition label will be truncated to text before the colon";
    static final String GUID = "doesn't match the form \"01234567-89AB-CDEF-EDCB-A98765432101\"";
    static final String FORMAT_INVALID = "invalid filesystem format";
    static final String FORMAT_NIL_WITH_OTHERS =
            "format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified";
    static final String LABEL_NEEDS_FORMAT = "filesystem must specify format if label is specified";
    static final String PARTITIONS_OVERWRITTEN = "filesystem overwrites partitioned device";
    static final String FILESYSTEM_IMPLICIT_WIPE = "device matches disk with wipeTable enabled; filesystem will be wiped";
    static final String RAID_LEVEL_REQUIRED = "raid level is required";
    static final String RAID_LEVEL_UNRECOGNIZED = "unrecognized raid level";
    static final String RAID_SPARES_UNSUPPORTED = "spares unsupported for linear and raid0 arrays";
    static final String RAID_DEVICES_REQUIRED = "raid devices required";
    static final String LUKS_NAME_SLASH = "device names cannot contain slashes";
    static final String LUKS_LABEL_TOO_LONG = "luks device labels cannot be longer than 47 characters";
    static final String LUKS_KEY_FILE = "invalid key-file source";
    static final String CLEVIS_CUSTOM_WITH_OTHERS = "cannot use custom clevis config with tpm2, tang, or threshold";
    static final String CLEVIS_PIN_REQUIRED = "missing required custom clevis pin";
    static final String CLEVIS_PIN_UNKNOWN = "unsupported clevis pin";
    static final String CLEVIS_CONFIG_REQUIRED = "missing required custom clevis config";
    static final String TANG_THUMBPRINT_REQUIRED = "thumbprint is required";
    static final String TANG_ADVERTISEMENT = "advertisement is not valid JSON";
    static final String CEX_WITH_CLEVIS = "cannot use cex with clevis";
    static final String CEX_WITH_KEY_FILE = "cannot use key file with cex";

    private ValidationMessages() {
    }

    /** The place is the finding's own, not in the message. */
    static String syntax(String what) {
        return "JSON syntax error: " + what;
    }

    static String type(String expected, String found) {
        return "expected " + expected + ", found " + found;
    }

    static String unknownKey(String key) {
        return "Unused key " + key;
    }

    static String versionUnsupported(String version) {
        return "unsupported config version " + version + " (supported: " + String.join(", ", IgnitionVersion.supported()) + ")";
    }

    static String unitContents(String why) {
        return "invalid unit content: " + why;
    }

    static String noInstall(String unit) {
        return "unit \"" + unit + "\" is enabled, but has no install section so enable does nothing";
    }

    static String filesystemLabelTooLong(int limit, String format) {
        return String.format("filesystem labels cannot be longer than %d characters when using %s", limit, format);
    }

    static String dataUrl(String why) {
        return "invalid data URL: " + why;
    }
}
