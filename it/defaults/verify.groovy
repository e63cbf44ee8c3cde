import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

// Only the image in src/main/ignition/pull.yaml (found without being named): every other value is the default.
def image = 'quay.io/edge-infrastructure/assisted-installer-agent:latest'
def out = new File(basedir, 'target/generated-resources/ignition')
assert out.list().sort() == ['agent-pull-image', 'agent.service', 'config.ign']

def script = new File(out, 'agent-pull-image')
def unit = new File(out, 'agent.service')
def config = new File(out, 'config.ign')
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(script.toPath())) == 'rwxr-xr-x'
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(unit.toPath())) == 'rw-r--r--'
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(config.toPath())) == 'rw-r--r--'

// The script: POSIX sh, the documented defaults, no placeholder left.
def text = script.getText('UTF-8')
assert text.startsWith('#!/bin/sh\n')
assert !text.contains('@@')
['initial_delay_ms=5000', 'multiplier_ppm=2000000', 'max_delay_ms=300000', 'jitter_ppm=200000', 'max_attempts=0',
 'attempt_timeout_ms=600000', 'prog=agent-pull-image'].each { assert text.contains(it + '\n') : "script lacks $it" }
def sh = ['sh', '-n', script.path].execute()
assert sh.waitFor() == 0 : "sh -n: ${sh.err.text}"

// The built-in unit, exactly.
def expectedUnit = """\
[Unit]
Description=Pull ${image} with backoff, then run it
Wants=network-online.target
After=network-online.target
StartLimitIntervalSec=0

[Service]
Type=simple
Restart=always
RestartSec=3
TimeoutStartSec=600
ExecStartPre=/usr/local/bin/agent-pull-image ${image}
ExecStart=/usr/bin/podman run --pull=never --rm --name agent ${image}

[Install]
WantedBy=multi-user.target
"""
assert unit.getText('UTF-8') == expectedUnit

// The config: Ignition 3.1.0 JSON with the script as a data: URL and the unit inline.
def json = new JsonSlurper().parse(config)
assert json.keySet() == ['ignition', 'storage', 'systemd'] as Set
assert json.ignition == [version: '3.1.0']
assert json.storage.files.size() == 1
def file = json.storage.files[0]
assert file.path == '/usr/local/bin/agent-pull-image'
assert file.mode == 493
assert file.overwrite == true
// A script compresses well: of the three data URL forms Butane would pick from, gzip + base64 is shortest.
assert file.contents.compression == 'gzip'
assert file.contents.source.startsWith('data:;base64,')
assert io.github.ignitionassets.it.DataUrlBytes.decode(file.contents.source, file.contents.compression) == script.bytes : 'data: URL does not decode to the script bytes'
assert json.systemd.units.size() == 1
def u = json.systemd.units[0]
assert u.name == 'agent.service'
assert u.enabled == true
assert u.contents == expectedUnit
assert config.getText('UTF-8').endsWith('}\n')

def log = new File(basedir, 'build.log').text
assert log.contains('Wrote agent-pull-image, agent.service, config.ign to target/generated-resources/ignition')
return true
