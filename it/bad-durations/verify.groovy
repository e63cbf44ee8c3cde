// All problems of each build, each with its field, file and line, value and what is allowed.
def log = new File(basedir, 'build.log').text
assert log.count('BUILD FAILURE') == 2
def y = 'src/main/ignition/pull.yaml'
def j = 'src/main/ignition/inverted.json'
[
    '6 problems in the input:',
    "backoff.initialDelay ($y line 3): '5' has no unit; write 5s",
    "backoff.multiplier ($y line 4): '0.5' must be at least 1",
    "backoff.maxDelay ($y line 5): '5 minutes' is not a duration",
    "backoff.jitter ($y line 6): '1' must be at least 0 and less than 1",
    "backoff.maxAttempts ($y line 7): '-1' must be 0 or more; 0 retries forever",
    "backoff.attemptTimeout ($y line 8): '0s' must be greater than 0",
    '2 problems in the input:',
    "backoff.maxDelay ($j line 5): '1s' must be at least initialDelay (10s)",
    "backoff.maxAttempts ($j line 6): '2.5' is not a whole number",
].each { assert log.contains(it) : "build.log lacks: $it" }
io.github.ignitionassets.it.FailedBuild.assertFailedCleanly(basedir, log)
return true
