// A flow mapping and a folded scalar go through the SnakeYAML inside the plugin jar and reach the script and the unit.
def out = new File(basedir, 'target/generated-resources/ignition')
def script = new File(out, 'agent-pull-image').text
['initial_delay_ms=2000', 'multiplier_ppm=3000000', 'max_delay_ms=90000', 'jitter_ppm=100000', 'max_attempts=7'].each {
    assert script.contains(it + '\n') : "script lacks $it"
}
assert new File(out, 'agent.service').text.contains(
        'ExecStartPre=/usr/local/bin/agent-pull-image quay.io/example/agent:v3\n')
def log = new File(basedir, 'build.log').text
assert !log.contains('ClassNotFoundException') && !log.contains('NoClassDefFoundError')
return true
