// The proxy reaches the pull unit's environment, upper and lower case, '%' doubled for unit syntax; the value
// taken from the base config is said in the log.
def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] Proxy: httpProxy http://base-proxy.example:3128 from the base config's ignition.proxy (src/main/ignition/base.ign)")
def unit = new File(basedir, 'target/generated-resources/ignition/agent.service').text
def env = unit.readLines().findAll { it.startsWith('Environment=') }
assert env == [
    'Environment=HTTP_PROXY=http://base-proxy.example:3128',
    'Environment=http_proxy=http://base-proxy.example:3128',
    'Environment=HTTPS_PROXY=https://user:s3cr%%25t@proxy.example:3129',
    'Environment=https_proxy=https://user:s3cr%%25t@proxy.example:3129',
    'Environment=NO_PROXY=localhost,.cluster.local',
    'Environment=no_proxy=localhost,.cluster.local',
] : "unit environment: $env"
def config = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/generated-resources/ignition/config.ign'))
assert config.systemd.units.find { it.name == 'agent.service' }.contents == unit
return true
