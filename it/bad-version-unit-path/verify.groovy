// Three POM parameters wrong at once: all three reported in one failure.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
[
    '3 problems in the input:',
    "  - unitName (POM): 'agent.timer' must end in .service: only a service has ExecStartPre=",
    "  - scriptPath (POM): 'bin/agent-pull-image' is not absolute; write e.g. /usr/local/bin/agent-pull-image",
    "  - ignitionVersion (POM): '2.3.0' is not supported; allowed: 3.0.0, 3.1.0, 3.2.0, 3.3.0, 3.4.0, 3.5.0",
].each { assert log.contains(it) : "build.log lacks: $it" }
io.github.ignitionassets.it.FailedBuild.assertFailedCleanly(basedir, log)
return true
