package io.github.ignitionassets.ignition;

/** Stable identifiers for what {@link ConfigValidator} finds; the message text may change, these do not. */
public enum FindingKind {
    /** The input is empty. */
    EMPTY_CONFIG,
    /** The input is not JSON (the message names line and column). */
    JSON_SYNTAX,
    /** A value has the wrong JSON type for its field. */
    TYPE,
    /** A key the spec version does not define (a warning, as in Ignition). */
    UNKNOWN_KEY,
    /** {@code ignition.version} is missing, unparseable or not supported. */
    VERSION,
    /** A required field is missing or empty. */
    MISSING_FIELD,
    /** A path that does not start with {@code /}. */
    PATH_NOT_ABSOLUTE,
    /** A path with {@code //}, {@code /./}, {@code /../} or a trailing {@code /}. */
    PATH_NOT_SIMPLIFIED,
    /** A file, directory or link under a link defined in the same config. */
    PATH_UNDER_LINK,
    /** A hard link whose target is a directory of the same config. */
    HARD_LINK_TO_DIRECTORY,
    /** Two entries with the same key, e.g. a file and a directory with the same path. */
    DUPLICATE_PATH,
    /** Two units with the same name. */
    DUPLICATE_UNIT,
    /** Two dropins of a unit with the same name. */
    DUPLICATE_DROPIN,
    /** Two entries with the same key in any other list (users, disks, headers, ...). */
    DUPLICATE_ENTRY,
    /** A unit name without a systemd unit type suffix. */
    UNIT_EXTENSION,
    /** A dropin name not ending in {@code .conf}. */
    DROPIN_EXTENSION,
    /** Unit or dropin contents that systemd's unit parser (go-systemd) rejects. */
    UNIT_CONTENTS,
    /** An enabled unit whose contents have no {@code [Install]} section (a warning). */
    ENABLED_WITHOUT_INSTALL,
    /** A {@code data:} URL that does not decode. */
    DATA_URL,
    /** A URL with a scheme the spec version does not support. */
    URL_SCHEME,
    /** An {@code http://} proxy for {@code https} resources (a warning). */
    INSECURE_PROXY,
    /** A URL that does not parse, or an S3 URL with an empty {@code versionId}. */
    URL_INVALID,
    /** HTTP headers on a non-HTTP source, or a header without a name. */
    HTTP_HEADER,
    /** A compression other than {@code ""} or {@code gzip}. */
    COMPRESSION,
    /** A malformed {@code verification.hash}, or one without a source. */
    HASH,
    /** {@code overwrite: true} on a file without {@code contents.source}. */
    OVERWRITE,
    /** A mode outside 0..07777 (error), or with setuid/setgid/sticky bits before 3.4.0 (warning). */
    MODE,
    /** A user or group given both by {@code id} and by {@code name}. */
    OWNER,
    /** {@code null} where an object belongs, e.g. a list entry (a warning, as in Ignition). */
    NULL_OBJECT,
    /** Two partitions of a disk with the same number. */
    PARTITION_NUMBER_COLLISION,
    /** Two partitions of a disk whose start and size overlap. */
    PARTITION_OVERLAP,
    /** Two partitions of a disk with the same label. */
    PARTITION_LABEL_COLLISION,
    /** A partition with neither a number (1 or more) nor a label. */
    PARTITION_NOT_IDENTIFIED,
    /** A partition label longer than 36 bytes or with a colon (sgdisk would cut it there). */
    PARTITION_LABEL,
    /**
     * {@code shouldExist: false} on a partition that also gives a label, GUIDs, start or size; or, before 3.4.0, on a
     * disk where a partition has number 0.
     */
    SHOULD_NOT_EXIST,
    /** A partition {@code guid} or {@code typeGuid} not of the form {@code 01234567-89AB-CDEF-EDCB-A98765432101}. */
    GUID,
    /** A filesystem format the spec version does not know, or none where path, label, options... are given. */
    FILESYSTEM_FORMAT,
    /** A filesystem label without a format, or longer than the format takes (ext4 16, xfs 12, vfat 11, ...). */
    FILESYSTEM_LABEL,
    /** A filesystem on a whole disk that the config also partitions (a warning, 3.4.0 on). */
    PARTITIONS_OVERWRITTEN,
    /** A filesystem on a whole disk with {@code wipeTable}, without {@code wipeFilesystem} (a warning, 3.4.0 on). */
    FILESYSTEM_IMPLICIT_WIPE,
    /** A RAID level Ignition does not know, or spares for linear or raid0. */
    RAID_LEVEL,
    /** A LUKS device name with a slash. */
    LUKS_NAME,
    /** A LUKS label longer than 47 bytes. */
    LUKS_LABEL,
    /** A LUKS key file whose source Ignition rejects. */
    LUKS_KEY_FILE,
    /** A custom clevis pin beside tpm2, tang or a threshold, or a custom pin other than tpm2, tang and sss. */
    CLEVIS,
    /** A tang {@code advertisement} that is not JSON (3.4.0 on). */
    TANG_ADVERTISEMENT,
    /** {@code cex} enabled beside clevis or a key file (3.5.0). */
    CEX,
    /** A hard link with a user or group, which Ignition ignores (a warning, 3.4.0 on). */
    HARD_LINK_OWNER
}
