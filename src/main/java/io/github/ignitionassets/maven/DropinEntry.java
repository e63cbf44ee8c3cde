package io.github.ignitionassets.maven;

import java.io.File;

/**
 * A drop-in for a unit: {@code <dropin><unit>crio.service</unit><name>10-proxy.conf</name><file>src/main/ignition/10-proxy.conf</file></dropin>}.
 * The unit entry is created, with no contents, when the config has none.
 *
 * @since 0.1.0
 */
public class DropinEntry {

    /** The unit the drop-in belongs to. */
    String unit;

    /** The drop-in's name, ending in {@code .conf}. */
    String name;

    /** The drop-in file. */
    File file;
}
