package io.github.ignitionassets.generate;

import io.github.ignitionassets.backoff.BackoffSpec;
import io.github.ignitionassets.backoff.LoadReport;
import io.github.ignitionassets.ignition.IgnitionConfig;
import io.github.ignitionassets.systemd.ServiceTiming;
import io.github.ignitionassets.systemd.UnitFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The pull unit as systemd will run it on the host: the unit, then its drop-ins by file name (systemd.unit(5)),
 * wherever the config puts them: the unit's {@code dropins}, and files under a drop-in directory of the unit
 * ({@code <unit>.d/}) or of every service ({@code service.d/}). Of two drop-ins with one name, the one in the
 * directory systemd prefers wins.
 */
final class UnitAsRun {

    /** Where systemd looks for units, the directory it prefers first. */
    private static final List<String> UNIT_DIRECTORIES = List.of(
            "/etc/systemd/system/", "/run/systemd/system/", "/usr/local/lib/systemd/system/", "/usr/lib/systemd/system/");

    private UnitAsRun() {
    }

    /**
     * The unit and its drop-ins, in the order systemd applies them.
     *
     * @param warnings gets a line for each drop-in the model cannot read (a base config's file, whose contents are a
     *                 URL)
     */
    static List<ServiceTiming.Source> files(UnitFile unit, IgnitionConfig config, ConfigParts parts, List<String> warnings) {
        Map<String, ServiceTiming.Source> dropins = new TreeMap<>();
        // Ignition writes a unit's dropins into /etc/systemd/system/<unit>.d/.
        config.dropins(unit.name()).forEach((name, text) ->
                dropins.putIfAbsent(name, new ServiceTiming.Source(unit.name() + ".d/" + name, text)));
        Map<String, byte[]> ours = parts.files().stream()
                .collect(Collectors.toMap(ConfigParts.File::path, ConfigParts.File::contents, (a, b) -> b));
        for (String directory : UNIT_DIRECTORIES) {
            for (String dropinDirectory : List.of(directory + unit.name() + ".d/", directory + "service.d/")) {
                for (String path : config.filePaths()) {
                    String name = path.substring(Math.min(path.length(), dropinDirectory.length()));
                    if (!path.startsWith(dropinDirectory) || !name.endsWith(".conf") || name.contains("/")) {
                        continue;
                    }
                    byte[] bytes = ours.get(path);
                    if (bytes == null) {
                        warnings.add(String.format("%s is a drop-in of %s that the load model cannot read (the base config"
                                + " gives its contents as a URL); the load figures leave it out", path, unit.name()));
                    } else {
                        dropins.putIfAbsent(name, new ServiceTiming.Source(path, new String(bytes, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        List<ServiceTiming.Source> files = new ArrayList<>();
        files.add(new ServiceTiming.Source(unit.name(), unit.text()));
        files.addAll(dropins.values());
        return files;
    }

    /**
     * A warning when the unit, as run, stops retrying: a {@code Restart=} that does not restart a failed start, or
     * one that does not restart the script's exit after {@code maxAttempts}.
     */
    static Optional<String> givesUp(ServiceTiming timing, BackoffSpec spec, LoadReport load) {
        String figures = String.format(": %d attempt(s) in the first hour of an outage, then none until the next boot;"
                + " Restart=always (or on-failure) keeps the host trying", load.firstHourAttempts());
        if (!timing.restartsAfterTimeout()) {
            return Optional.of(String.format("Restart=%s (from %s): the host gives up after one failed start", timing.restart(),
                    timing.restartFrom()) + figures);
        }
        if (spec.maxAttempts() > 0 && !timing.restartsAfterFailure()) {
            return Optional.of(String.format("Restart=%s (from %s) does not restart a start that exits non-zero: the host"
                    + " gives up when the script does, after maxAttempts (%d) failed pulls", timing.restart(),
                    timing.restartFrom(), spec.maxAttempts()) + figures);
        }
        return Optional.empty();
    }
}
