#!/bin/sh
# "The seed's policy", as the test models it: a hand-written doubling pull loop, scaled down 5x in time, with the
# same initial delay, multiplier and cap as the generated script under test (filled in by the test).
# Its backoff state lives in a shell variable only, so every systemd restart starts the schedule over.
image=$1
delay_ms=@@INITIAL_DELAY_MS@@
multiplier=@@MULTIPLIER@@
max_delay_ms=@@MAX_DELAY_MS@@

if podman image exists "$image"; then
  exit 0
fi
while ! podman pull "$image"; do
  echo "pull failed; retrying in ${delay_ms} ms" >&2
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  delay_ms=$((delay_ms * multiplier))
  if [ "$delay_ms" -gt "$max_delay_ms" ]; then
    delay_ms=$max_delay_ms
  fi
done
