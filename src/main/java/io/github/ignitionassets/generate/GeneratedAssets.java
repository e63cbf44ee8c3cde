package io.github.ignitionassets.generate;

import io.github.ignitionassets.backoff.LoadReport;
import io.github.ignitionassets.ignition.IgnitionVersion;
import io.github.ignitionassets.script.PullScript;
import io.github.ignitionassets.spec.PullSpec;
import io.github.ignitionassets.systemd.UnitFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three assets, rendered and ready to write.
 *
 * @param specFile   the spec file read, as the user knows it, or {@code null} when there was none
 * @param spec       the spec they were made from
 * @param script     the pull script
 * @param unit       the unit
 * @param configName the config's file name
 * @param version    the config's spec version
 * @param config     the Ignition config's bytes
 * @param load       what the assets cost the registry in an outage
 * @param replaced   entries of the base config that ours replaced, e.g. {@code systemd.units: agent.service}
 * @param warnings   what the build warns about, each a whole log line: Ignition's checks of the config (e.g. an
 *                   enabled unit with no [Install]), a plain-text proxy for https, a mutable image that never updates
 *                   under pull policy missing, registry credentials inside a config that is published
 * @param notes      what the build took from elsewhere, for the log (e.g. the proxy from the base config)
 */
public record GeneratedAssets(String specFile, PullSpec spec, PullScript script, UnitFile unit, String configName,
                              IgnitionVersion version, byte[] config,
                              LoadReport load, List<String> replaced, List<String> warnings,
                              List<String> notes) {

    /** File name to bytes, in the order they are written. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(script.fileName(), script.bytes());
        files.put(unit.name(), unit.bytes());
        files.put(configName, config.clone());
        return files;
    }
}
