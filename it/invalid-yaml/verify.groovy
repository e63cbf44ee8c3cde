// A spec that is not YAML: the file and the line of the fault, and no stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('1 problem in the input:')
assert log =~ /specFile \(src\/main\/ignition\/pull\.yaml line [45]\): is not valid YAML: /
assertNoStackTrace(log)
assert !new File(basedir, 'target/generated-resources').exists() : 'a failed build wrote outputs'
return true

static void assertNoStackTrace(String log) {
    assert !log.contains('at io.github')
    assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'stack trace in build.log'
    assert !(log =~ /(?m)^(Caused by: |[\w.$]+(Exception|Error): )/) : 'exception in build.log'
}
