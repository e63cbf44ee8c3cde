// Every backoff value of the JSON spec (named by <specFile>) reaches the script; a digest reference is kept whole.
def image = 'quay.io/edge-infrastructure/assisted-installer-agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
def out = new File(basedir, 'target/generated-resources/ignition')
def script = new File(out, 'agent-pull-image').text
['initial_delay_ms=1000', 'multiplier_ppm=3000000', 'max_delay_ms=3600000', 'jitter_ppm=0', 'max_attempts=100',
 'attempt_timeout_ms=1200000'].each { assert script.contains(it + '\n') : "script lacks $it" }
def unit = new File(out, 'agent.service').text
assert unit.contains("ExecStartPre=/usr/local/bin/agent-pull-image ${image}\n")
assert unit.contains("ExecStart=/usr/bin/podman run --pull=never --rm --name agent ${image}\n")
return true
