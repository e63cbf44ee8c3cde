/**
 * Reading the spec: a YAML or JSON spec file and the POM's values, merged field by field into one checked
 * {@link io.github.ignitionassets.spec.PullSpec}, each value with where it was written. Problems are collected, not
 * thrown one by one. The backoff policy it builds lives in {@code io.github.ignitionassets.backoff}, which knows
 * nothing of how a spec is written.
 */
package io.github.ignitionassets.spec;
