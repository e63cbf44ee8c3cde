import groovy.json.JsonSlurper
import java.nio.file.Files

def target = new File(basedir, 'target')
def outputs = ['generated-resources/ignition/agent-pull-image', 'generated-resources/ignition/agent.service',
               'generated-resources/ignition/config.ign', 'ignition-assets/load-report.json']
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('BUILD ') }
assert builds.size() == 3 : "expected 3 builds in build.log, found ${builds.size()}"
builds.eachWithIndex { b, i -> assert b.contains('BUILD SUCCESS') : "build ${i + 1} failed" }

// Build 1 wrote every output.
assert builds[0].contains('Wrote agent-pull-image, agent.service, config.ign to target/generated-resources/ignition')

// Build 2, same inputs: each output has the bytes and the modification time it had before the goal ran, and the
// goal says so. (Build 1 ran seconds earlier, so a rewrite would show as a later time.)
outputs.each { o ->
    def before = new File(target, 'before-2/' + o)
    def after = new File(target, 'after-2/' + o)
    assert before.isFile() && after.isFile() : "build 2 did not copy $o aside"
    assert after.bytes == before.bytes : "$o changed in build 2"
    def t0 = Files.getLastModifiedTime(before.toPath()).toMillis()
    def t1 = Files.getLastModifiedTime(after.toPath()).toMillis()
    assert t1 == t0 : "$o was rewritten in build 2: modification time ${t0} became ${t1}"
}
assert builds[1].contains('[INFO] Ignition assets unchanged in target/generated-resources/ignition (same inputs as the last build)')
// ... and, having done no work, still reports what the last build found.
assert builds[1].contains('[INFO] Load in a registry outage: ')
assert new File(target, 'ignition-assets/last-build.json').isFile()
assert !builds[1].contains('Wrote ')

// Build 3, every kind of input changed: each change reached the outputs.
def out = new File(target, 'generated-resources/ignition')
def script = new File(out, 'agent-pull-image').getText('UTF-8')
assert script.contains('max_delay_ms=120000\n') : 'the spec file change (maxDelay 120s) is not in the script'
def unit = new File(out, 'agent.service').getText('UTF-8')
assert unit.contains('Description=Agent, second edition\n') : 'the unit file change is not in the unit'
assert unit.contains('ExecStartPre=/usr/local/bin/agent-pull-image quay.io/example/agent:v2\n') : 'the spec image change is not in the unit'
assert !unit.contains(':v1')
def config = new JsonSlurper().parse(new File(out, 'config.ign'))
assert config.passwd.users[0].sshAuthorizedKeys == ['ssh-ed25519 AAAAsecondkey'] : 'the base config change is not in the config'
def motd = config.storage.files.find { it.path == '/etc/motd' }
// (Ant's <echo> drops the last newline; compare with the file as build 3 left it.)
def motdFile = new File(basedir, 'src/main/ignition/motd')
assert motdFile.text.startsWith('second motd')
assert io.github.ignitionassets.it.DataUrlBytes.decode(motd.contents.source, motd.contents.compression) == motdFile.bytes : 'the extra file change is not in the config'
assert new String(io.github.ignitionassets.it.DataUrlBytes.decode(config.storage.files.find { it.path == '/usr/local/bin/agent-pull-image' }.contents.source, 'gzip'), 'UTF-8') == script
assert builds[2].contains('Wrote agent-pull-image, agent.service, config.ign to target/generated-resources/ignition')
def report = new JsonSlurper().parse(new File(target, 'ignition-assets/load-report.json'))
assert report != new JsonSlurper().parse(new File(target, 'after-2/ignition-assets/load-report.json')) : 'the load report did not follow the new maxDelay'
return true
