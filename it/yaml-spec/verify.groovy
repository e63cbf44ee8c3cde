// Every backoff value of the YAML spec reaches the script, in ms and parts per million.
def out = new File(basedir, 'target/generated-resources/ignition')
def script = new File(out, 'agent-pull-image').text
['initial_delay_ms=250', 'multiplier_ppm=1500000', 'max_delay_ms=120000', 'jitter_ppm=250000', 'max_attempts=12',
 'attempt_timeout_ms=90000'].each { assert script.contains(it + '\n') : "script lacks $it" }
assert new File(out, 'agent.service').text.contains(
        'ExecStartPre=/usr/local/bin/agent-pull-image quay.io/edge-infrastructure/assisted-installer-agent:v2.31\n')
return true
