package io.github.ignitionassets.maven;

import java.io.File;

/**
 * An extra systemd unit in the Ignition config: {@code <unit><name>x.timer</name><file>src/main/ignition/x.timer</file><enabled>true</enabled></unit>}.
 *
 * @since 0.1.0
 */
public class UnitEntry {

    /** The unit's name, with its type suffix. */
    String name;

    /** The unit file. */
    File file;

    /** Enable the unit; left as it is when not given. */
    Boolean enabled;
}
