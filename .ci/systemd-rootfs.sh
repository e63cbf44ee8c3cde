#!/bin/sh
# Builds the root file system that the real-systemd tests boot with systemd-nspawn, as a tar file:
# Debian bookworm (minbase + systemd, dbus, procps), whose systemd is 252, the version RHEL 9 ships.
#
# Usage: .ci/systemd-rootfs.sh [DEST_TARBALL]
#   DEST_TARBALL defaults to $IGNITION_ASSETS_SYSTEMD_ROOTFS, else
#   /var/cache/ignition-assets/systemd252-rootfs.tar.
# Does nothing when DEST_TARBALL exists. Needs root and the Debian packages debootstrap and
# systemd-container. The package mirror is the one apt on this machine already uses (first URIs:
# line in /etc/apt/sources.list.d/*.sources, else the first deb line in /etc/apt/sources.list),
# override with IGNITION_ASSETS_DEBIAN_MIRROR. About 35 s and 200 MB the first time.
# The JUnit fixture (src/test/java/io/github/ignitionassets/realsystemd/SystemdContainer.java)
# runs this script itself when the tar file is missing, so `mvn verify` alone is enough.
set -eu

DEFAULT_DEST=/var/cache/ignition-assets/systemd252-rootfs.tar
dest=${1:-${IGNITION_ASSETS_SYSTEMD_ROOTFS:-$DEFAULT_DEST}}
suite=bookworm

if [ -s "$dest" ]; then
  echo "systemd-rootfs: $dest exists; nothing to do" >&2
  exit 0
fi

for tool in debootstrap tar flock; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "systemd-rootfs: $tool is missing (apt-get install -y debootstrap systemd-container)" >&2
    exit 3
  fi
done
if [ "$(id -u)" -ne 0 ]; then
  echo "systemd-rootfs: must run as root (debootstrap)" >&2
  exit 3
fi

mirror=${IGNITION_ASSETS_DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    mirror=$(awk '/^URIs:/ { print $2; exit }' "$f")
    [ -n "$mirror" ] && break
  done
fi
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
  mirror=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; exit } }' /etc/apt/sources.list)
fi
if [ -z "$mirror" ]; then
  echo "systemd-rootfs: found no Debian mirror in the apt sources; set IGNITION_ASSETS_DEBIAN_MIRROR" >&2
  exit 3
fi

dir=$(dirname "$dest")
mkdir -p "$dir"

# One builder at a time (parallel builds share the cache); the others wait and then find the file.
exec 9>"$dest.lock"
flock 9
if [ -s "$dest" ]; then
  echo "systemd-rootfs: $dest was built meanwhile; nothing to do" >&2
  exit 0
fi

work=$(mktemp -d "$dir/.rootfs.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

echo "systemd-rootfs: debootstrap $suite from the apt mirror into $work/root" >&2
start=$(date +%s)
debootstrap --variant=minbase --include=systemd,dbus,procps,coreutils "$suite" "$work/root" "$mirror" \
  >"$work/debootstrap.log" 2>&1 || {
  tail -n 40 "$work/debootstrap.log" >&2
  echo "systemd-rootfs: debootstrap failed" >&2
  exit 1
}
# Trim what the tests never need: package lists and caches, docs, man pages.
rm -rf "$work/root/var/cache/apt/archives/"*.deb "$work/root/var/lib/apt/lists/"* \
  "$work/root/usr/share/doc" "$work/root/usr/share/man" "$work/root/usr/share/locale"
# The container boots without a getty on a console nobody reads.
rm -f "$work/root/etc/systemd/system/getty.target.wants/"* 2>/dev/null || true
tar -C "$work/root" --numeric-owner --xattrs -cf "$work/rootfs.tar" .
mv "$work/rootfs.tar" "$dest"
echo "systemd-rootfs: built $dest ($(du -h "$dest" | cut -f1)) in $(( $(date +%s) - start )) s" >&2
