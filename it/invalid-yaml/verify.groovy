// A spec that is not YAML: the file and the line of the fault, and no stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('1 problem in the input:')
// Line 4 is the mis-indented 'maxDelay', and the message says what the YAML engine found there.
assert log.contains("specFile (src/main/ignition/pull.yaml line 4): is not valid YAML: expected <block end>, but found"
        + " '<block mapping start>' (while parsing a block mapping started on line ")
assertNoStackTrace(log)
assert !new File(basedir, 'target/generated-resources').exists() : 'a failed build wrote outputs'
return true

static void assertNoStackTrace(String log) {
    assert !log.contains('at io.github')
    assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'stack trace in build.log'
    assert !(log =~ /(?m)^(Caused by: |[\w.$]+(Exception|Error): )/) : 'exception in build.log'
}
