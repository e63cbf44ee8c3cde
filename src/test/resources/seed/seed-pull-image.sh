#!/bin/sh
# The fix that shipped before this plugin, scaled for tests: doubling backoff to a cap, with its
# state in a shell variable, so every restart of the process starts the schedule over.
# INITIAL_MS and MAX_MS set the schedule (the seed used 5000 and 300000).
delay_ms=${INITIAL_MS:-5000}
until podman pull "$1"; do
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  delay_ms=$((delay_ms * 2))
  if [ "$delay_ms" -gt "${MAX_MS:-300000}" ]; then
    delay_ms=${MAX_MS:-300000}
  fi
done
