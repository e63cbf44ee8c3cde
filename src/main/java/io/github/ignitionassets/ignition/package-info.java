/**
 * Ignition configs (spec 3.x): the config model, data URLs, versions, reading and writing config JSON ({@link
 * io.github.ignitionassets.ignition.ConfigJson}, with Jackson), and {@link
 * io.github.ignitionassets.ignition.ConfigValidator}, which checks an existing config as {@code ignition-validate}
 * does.
 */
package io.github.ignitionassets.ignition;
