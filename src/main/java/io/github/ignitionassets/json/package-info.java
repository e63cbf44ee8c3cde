/**
 * JSON values, read strictly as Ignition reads them and written byte-stable: the configs, the base config, JSON spec
 * files and the load report. Maven-free and dependency-free, like every package but {@code maven}.
 */
package io.github.ignitionassets.json;
