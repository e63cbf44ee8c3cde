// The same values through YAML, JSON (written differently: 1.50, PT2M, 1m30s) and the POM give the same bytes.
def dirs = ['from-yaml', 'from-json', 'from-pom'].collect { new File(basedir, "target/$it") }
def names = ['agent-pull-image', 'agent.service', 'config.ign']
dirs.each { d -> assert d.list().sort() == names : "$d holds ${d.list()}" }
names.each { n ->
    byte[] reference = new File(dirs[0], n).bytes
    dirs.drop(1).each { d -> assert new File(d, n).bytes == reference : "$d/$n differs from from-yaml/$n" }
}
def script = new File(dirs[0], 'agent-pull-image').text
['initial_delay_ms=250', 'multiplier_ppm=1500000', 'max_delay_ms=120000', 'jitter_ppm=250000', 'max_attempts=12',
 'attempt_timeout_ms=90000'].each { assert script.contains(it + '\n') : "script lacks $it" }
assert new File(dirs[0], 'agent.service').text.contains(
        'ExecStartPre=/usr/local/bin/agent-pull-image quay.io/edge-infrastructure/assisted-installer-agent:v2.31\n')
return true
