// src/main/ignition/pull.json is the spec when it is the only default file; beside a pull.yaml it is an error.
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('BUILD ') }
assert builds.size() == 2 : "expected 2 builds, found ${builds.size()}"

assert builds[0].contains('BUILD SUCCESS')
assert builds[0].contains('[INFO] Spec file: src/main/ignition/pull.json')
def unit = new File(basedir, 'target/generated-resources/ignition/agent.service').getText('UTF-8')
assert unit.contains('quay.io/example/agent:json') : 'the JSON spec was not read'
def script = new File(basedir, 'target/generated-resources/ignition/agent-pull-image').getText('UTF-8')
assert script.contains('max_delay_ms=90000\n') : 'the JSON spec\'s backoff was not read'

assert builds[1].contains('BUILD FAILURE')
assert builds[1].contains("specFile: 'src/main/ignition/pull.yaml' and 'src/main/ignition/pull.json' exist side by side; keep one,"
        + ' or name the one to read with <specFile>')
assert unit == new File(basedir, 'target/generated-resources/ignition/agent.service').getText('UTF-8') : 'outputs changed'
assert !builds[1].contains('at io.github') : 'stack trace'
return true
