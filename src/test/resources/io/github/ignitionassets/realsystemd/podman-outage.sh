#!/bin/sh
# Stand-in for podman 5 while the registry is down, installed as /usr/local/bin/podman in the test container
# (ahead of /usr/bin on systemd's default PATH). Answers the calls the pull script makes (image exists,
# pull --help, pull [--retry=N] IMAGE) the way podman does in an outage, and appends one line per call to
# /var/log/podman-calls.log:
#   UPTIME UNIT INVOCATION ARGS...
# UPTIME is CLOCK_BOOTTIME seconds from /proc/uptime (monotonic, 10 ms steps); UNIT is the service whose cgroup
# the call runs in, so that several units can share the log; INVOCATION is $INVOCATION_ID, which systemd sets
# anew for every start of a unit, so that calls can be grouped by start.
read -r uptime _ </proc/uptime
unit=$(sed -n 's|.*/\([^/]*\.service\)$|\1|p' /proc/self/cgroup | head -n 1)
printf '%s %s %s %s\n' "$uptime" "${unit:-unknown}" "${INVOCATION_ID:-none}" "$*" >>/var/log/podman-calls.log
case "$1" in
  image)
    # podman image exists IMAGE: 1 when the image is not in local storage
    exit 1
    ;;
  pull)
    case " $* " in
      *" --help "*)
        # Like podman 5, which has --retry (the pull script then passes --retry=N).
        echo "Pull an image from a registry"
        echo "      --retry uint          number of times to retry in case of failure when performing pull (default 3)"
        exit 0
        ;;
    esac
    shift
    while [ $# -gt 1 ]; do shift; done # the image is the last argument, after any --retry=N
    echo "Trying to pull $1..." >&2
    echo "Error: initializing source docker://$1: pinging container registry localhost:5000: Get \"https://localhost:5000/v2/\": dial tcp 127.0.0.1:5000: connect: connection refused" >&2
    exit 125
    ;;
  *)
    echo "Error: podman stand-in: unexpected call: $*" >&2
    exit 125
    ;;
esac
