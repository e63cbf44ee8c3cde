// A spec that is not YAML: the file and the line of the fault, and no stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('1 problem in the input:')
// Line 4 is the mis-indented 'maxDelay', and the message says what the YAML engine found there.
assert log.contains("specFile (src/main/ignition/pull.yaml line 4): is not valid YAML: expected <block end>, but found"
        + " '<block mapping start>' (while parsing a block mapping started on line ")
io.github.ignitionassets.it.FailedBuild.assertFailedCleanly(basedir, log)
return true
