/**
 * The reviewed spec: image references, durations, the backoff policy, how the spec file and POM values are read
 * and merged, and the schedule of delays that the policy promises.
 */
package io.github.ignitionassets.backoff;
