// Build 2 failed on its bad image and wrote nothing: build 1's outputs are there byte for byte, no temp files.
def out = new File(basedir, 'target/generated-resources/ignition')
def first = new File(basedir, 'target/first-build')
def names = ['agent-pull-image', 'agent.service', 'config.ign']
assert first.list().sort() == names : "build 1 copied ${first.list()}"
assert out.list().sort() == names : "output directory holds ${out.list()} (a temporary file left behind?)"
names.each { n -> assert new File(out, n).bytes == new File(first, n).bytes : "$n changed in the failed build" }
assert new File(out, 'agent.service').text.contains(' quay.io/example/agent:v1\n')
assert new File(out, 'agent-pull-image').canExecute()

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS') && log.contains('BUILD FAILURE')
assert log.contains("image (POM): 'busybox' is not fully qualified")
assert log.contains('docker.io/library/busybox')
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'stack trace in build.log'
return true
