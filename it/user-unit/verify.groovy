import groovy.json.JsonSlurper

// The user's unit, kept as written (specifiers and all), with the pull step inserted once, before its first
// ExecStartPre=; the % of the script path is escaped in the unit (%%) but not in the config's file path.
def source = new File(basedir, 'src/main/systemd/agent.service').getText('UTF-8')
def step = 'ExecStartPre=/opt/agent%%1/pull quay.io/example/agent:v1\n'
def expected = source.replace('ExecStartPre=/usr/bin/mkdir', step + 'ExecStartPre=/usr/bin/mkdir')
assert expected != source

def out = new File(basedir, 'target/generated-resources/ignition')
assert out.list().sort() == ['agent.service', 'config.ign', 'pull']
def unit = new File(out, 'agent.service').getText('UTF-8')
assert unit == expected
assert unit.count('/opt/agent%%1/pull') == 1
assert unit.contains('Description=Edge agent on %H (100% ours)\n') : 'the user\'s specifiers were touched'

def json = new JsonSlurper().parse(new File(out, 'config.ign'))
assert json.storage.files[0].path == '/opt/agent%1/pull'
assert json.systemd.units[0].name == 'agent.service'
assert json.systemd.units[0].contents == expected

// Build 2 took build 1's unit as its unit file: the step is there already, so the unit is unchanged.
def second = new File(basedir, 'target/second-build')
assert new File(second, 'agent.service').getText('UTF-8') == expected
assert new File(second, 'config.ign').bytes == new File(out, 'config.ign').bytes

// Build 3 found every output as it would write it and left them alone.
def log = new File(basedir, 'build.log').text
assert log.contains('Wrote pull, agent.service, config.ign to target/generated-resources/ignition')
assert log.contains('Ignition assets unchanged in target/generated-resources/ignition')
return true
