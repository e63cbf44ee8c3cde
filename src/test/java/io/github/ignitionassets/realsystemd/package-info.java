/**
 * Tests that boot a real systemd 252 (the version RHEL 9 ships) and run the generated unit and script under it.
 *
 * <p>{@link io.github.ignitionassets.realsystemd.SystemdContainer} boots a Debian bookworm root file system with
 * {@code systemd-nspawn -b} as root, and runs commands in it with {@code nsenter}. The root file system is a tar file
 * built once by {@code .ci/systemd-rootfs.sh} (debootstrap from the mirror apt already uses) and cached at
 * {@code /var/cache/ignition-assets/systemd252-rootfs.tar}, or where {@code IGNITION_ASSETS_SYSTEMD_ROOTFS} says; the
 * fixture runs that script itself when the file is missing, so {@code mvn verify} alone is enough. Without root or the
 * Debian packages systemd-container and debootstrap these tests are skipped, except when {@code CI=true}: then
 * they fail. They are tagged {@code real-systemd} ({@code -DexcludedGroups=real-systemd} leaves them out).
 */
package io.github.ignitionassets.realsystemd;
