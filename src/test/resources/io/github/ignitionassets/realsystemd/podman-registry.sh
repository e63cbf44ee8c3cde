#!/bin/bash
# Stand-in for podman in a fleet test, installed as /usr/local/bin/podman in each container (ahead of /usr/bin on
# systemd's default PATH). The containers have no podman; what is measured is the registry's load, so each pull
# makes one HTTP request to the registry on loopback (the port in /etc/fleet-registry), naming the host
# (/etc/fleet-host) and the unit whose cgroup it runs in, and fails as podman does when the answer is not 200.
# bash, not sh: the request goes through bash's /dev/tcp (the root has neither curl nor wget).
case "$1" in
  image)
    # podman image exists IMAGE: 1 when the image is not in local storage
    exit 1
    ;;
  pull)
    case " $* " in
      *" --help "*)
        # Like podman 5, which has --retry (the pull script then passes --retry=N; one request either way here).
        echo "Pull an image from a registry"
        echo "      --retry uint          number of times to retry in case of failure when performing pull (default 3)"
        exit 0
        ;;
    esac
    shift
    while [ $# -gt 1 ]; do shift; done # the image is the last argument, after any --retry=N
    read -r host </etc/fleet-host
    read -r port </etc/fleet-registry
    unit=$(sed -n 's|.*/\([^/]*\.service\)$|\1|p' /proc/self/cgroup | head -n 1)
    echo "Trying to pull $1..." >&2
    if ! exec 3<>"/dev/tcp/127.0.0.1/$port"; then
      echo "Error: initializing source docker://$1: pinging container registry: connect: connection refused" >&2
      exit 125
    fi
    printf 'GET /v2/?host=%s&unit=%s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' \
      "$host" "${unit:-unknown}" "$port" >&3
    read -r _ status reason <&3
    exec 3<&-
    if [ "$status" = 200 ]; then
      exit 0
    fi
    echo "Error: initializing source docker://$1: pinging container registry 127.0.0.1:$port: received unexpected HTTP status: $status ${reason%$'\r'}" >&2
    exit 125
    ;;
  *)
    echo "Error: podman stand-in: unexpected call: $*" >&2
    exit 125
    ;;
esac
