// Unknown keys are named with file and line, with the nearest known key, and every one is reported.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
[
    '2 problems in the input:',
    "backoff.maxDelays (src/main/ignition/pull.yaml line 4): is not a spec key; did you mean 'backoff.maxDelay'?",
    'Known keys under backoff: initialDelay, multiplier, maxDelay, jitter, maxAttempts, attemptTimeout',
    'retries (src/main/ignition/pull.yaml line 6): is not a spec key; known keys: image, pullPolicy, backoff\n',
].each { assert log.contains(it) : "build.log lacks: $it" }
io.github.ignitionassets.it.FailedBuild.assertFailedCleanly(basedir, log)
return true
