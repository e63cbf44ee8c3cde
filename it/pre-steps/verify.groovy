import groovy.json.JsonSlurper

// A unit that places the pull step itself keeps it there: the generated unit is the user's, byte for byte, so
// the fix-up runs before the pull and the copy (which needs the image) after it.
def source = new File(basedir, 'src/main/systemd/agent.service').bytes
def out = new File(basedir, 'target/generated-resources/ignition')
def unit = new File(out, 'agent.service')
assert unit.bytes == source : 'the unit was changed'
def pre = unit.readLines().findAll { it.startsWith('ExecStartPre=') }.collect { it.split(' ')[0] }
assert pre == ['ExecStartPre=/usr/local/bin/agent-fix-bz1964591', 'ExecStartPre=/usr/local/bin/agent-pull-image',
               'ExecStartPre=/usr/bin/podman'] : "pre-steps: $pre"
def json = new JsonSlurper().parse(new File(out, 'config.ign'))
assert json.systemd.units.find { it.name == 'agent.service' }.contents == new String(source, 'UTF-8')
def log = new File(basedir, 'build.log').text
assert !log.contains('[WARNING]') : 'a unit with Restart=always and [Install] warns of nothing'
return true
