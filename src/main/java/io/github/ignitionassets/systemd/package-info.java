/** The systemd unit that runs the pull script as ExecStartPre=: the built-in unit, user units, escaping. */
package io.github.ignitionassets.systemd;
