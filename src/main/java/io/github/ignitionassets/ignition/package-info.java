/**
 * Ignition configs (spec 3.x): the config model, data URLs, versions and JSON writing, and {@link
 * io.github.ignitionassets.ignition.ConfigValidator}, which checks an existing config as {@code ignition-validate}
 * does.
 */
package io.github.ignitionassets.ignition;
