#!/usr/bin/env bash
# A fleet of real systemd hosts through a registry outage, measured at the registry beside the load model.
# Usage: sudo bench/fleet.sh [HOSTS] (default 20; about 35 MB per host; two runs of about 70 s each).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-test-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench-test-classpath.txt)" bench/FleetBench.java "$@"
