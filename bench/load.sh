#!/usr/bin/env bash
# Registry load per policy, modelled and measured with the real scripts. Usage: bench/load.sh [SCALE] [--model-only]
# SCALE compresses time (default 60: a host-hour takes a minute; the run takes about two).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >/dev/null
exec java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/LoadBench.java "$@"
