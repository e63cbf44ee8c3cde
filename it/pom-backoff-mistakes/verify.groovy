// Every mistake in <backoff> is ours to report, with the spec file's wording and hints, together with the spec
// file's own problem.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert !log.contains('Cannot find') : 'Maven refused <backoff> itself'
[
    '5 problems in the input:',
    "backoff.jitter (src/main/ignition/pull.yaml line 3): '2' must be at least 0 and less than 1",
    "backoff.maxDelays (POM <backoff>): is not a spec key; did you mean 'backoff.maxDelay'?",
    'backoff.multiplier (POM <backoff>): must be a single value, a string or a number; found a mapping',
    'backoff.maxAttempts (POM <backoff>): is given twice',
    "backoff.initialDelay (POM <backoff>): '5' has no unit; write 5s",
].each { assert log.contains(it) : "build.log lacks: $it" }
io.github.ignitionassets.it.FailedBuild.assertFailedCleanly(basedir, log)
return true
