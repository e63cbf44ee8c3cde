/**
 * systemd units: the one reader of unit syntax ({@link io.github.ignitionassets.systemd.UnitSyntax}), the built-in
 * unit and user units with the pull step, unit names, time spans, escaping. Imports nothing of the plugin's other
 * packages.
 */
package io.github.ignitionassets.systemd;
