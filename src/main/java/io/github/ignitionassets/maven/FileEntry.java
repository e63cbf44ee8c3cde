package io.github.ignitionassets.maven;

import java.io.File;

/**
 * An extra file in the Ignition config: {@code <file><path>/etc/x.conf</path><mode>0644</mode><source>src/main/ignition/x.conf</source></file>}.
 *
 * @since 0.1.0
 */
public class FileEntry {

    /** Absolute path on the host. */
    String path;

    /** Mode in octal with its leading 0, e.g. {@code 0644}; Ignition's default when left out. */
    String mode;

    /** The project file whose bytes the host file gets. */
    File source;
}
