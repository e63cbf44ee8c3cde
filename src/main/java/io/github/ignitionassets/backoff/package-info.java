/**
 * The backoff policy: durations, the schedule of delays the policy promises, and the load it puts on a registry
 * under systemd's restarts. Filled from a checked spec (package {@code spec}); nothing here reads spec files.
 */
package io.github.ignitionassets.backoff;
