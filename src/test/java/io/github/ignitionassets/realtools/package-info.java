/**
 * Tests that hand every generated asset to the real program that consumes it: {@code ignition-validate}, the
 * Ignition binary, {@code shellcheck}, {@code dash}, {@code bash}, {@code systemd-analyze}, and {@code podman}
 * against a local {@code docker-registry}. All network traffic stays on 127.0.0.1. A missing tool skips its test
 * (naming the Debian package to install) except when {@code CI=true}, where it fails.
 */
package io.github.ignitionassets.realtools;
