package io.github.ignitionassets.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * What goes into the Ignition config besides our two assets, and how it is written.
 *
 * @param baseConfig     an existing config to build on, or {@code null}
 * @param files          extra files
 * @param units          extra units
 * @param dropins        drop-ins for any unit
 * @param maxConfigBytes the largest config allowed, or {@code null} for no limit
 * @param pretty         indent the config by two spaces
 */
public record ConfigOptions(Path baseConfig, List<ExtraFile> files, List<ExtraUnit> units, List<ExtraDropin> dropins,
                            Long maxConfigBytes, boolean pretty) {

    /** Nothing extra, compact, no limit. */
    public static final ConfigOptions NONE = new ConfigOptions(null, List.of(), List.of(), List.of(), null, false);

    public ConfigOptions {
        files = files == null ? List.of() : List.copyOf(files);
        units = units == null ? List.of() : List.copyOf(units);
        dropins = dropins == null ? List.of() : List.copyOf(dropins);
    }

    /**
     * A file from the project placed on the host.
     *
     * @param path   absolute path on the host
     * @param mode   octal, e.g. {@code 0644}; {@code null} leaves Ignition's default
     * @param source the project file with the contents
     */
    public record ExtraFile(String path, String mode, Path source) {
    }

    /**
     * A unit from the project.
     *
     * @param name    the unit's name, e.g. {@code crio.service}
     * @param file    the unit file
     * @param enabled whether to enable it; {@code null} leaves it as it is
     */
    public record ExtraUnit(String name, Path file, Boolean enabled) {
    }

    /**
     * A drop-in for a unit.
     *
     * @param unit the unit it belongs to
     * @param name its name, ending in {@code .conf}
     * @param file the drop-in file
     */
    public record ExtraDropin(String unit, String name, Path file) {
    }
}
