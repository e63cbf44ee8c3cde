// Each build failed with the image's problem: field, value (as printable text) and what is allowed.
def log = new File(basedir, 'build.log').text
assert log.count('BUILD FAILURE') == 2
assert !log.contains('BUILD SUCCESS')
[
    "image (POM): 'busybox' is not fully qualified",
    'docker.io/library/busybox',
    "image (POM): 'quay.io/example/agent:v1\\n\$(reboot)' contains a newline, which no image reference holds;"
            + ' allowed: registry[:port]/path[:tag][@digest]',
].each { assert log.contains(it) : "build.log lacks: $it" }
assert log.count('1 problem in the input:') == 2
io.github.ignitionassets.it.FailedBuild.assertFailedCleanly(basedir, log)
return true
