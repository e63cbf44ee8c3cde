/** Ignition configs (spec 3.x): the config model, data URLs, versions and JSON writing. */
package io.github.ignitionassets.ignition;
