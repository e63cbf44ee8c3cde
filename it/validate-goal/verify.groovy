// The validate goal reports as ignition-validate does: errors (all, with their JSON paths) fail the build,
// warnings are logged and fail it only with failOnWarning.
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] warning at $.systemd.units[0]')
assert log.contains('warning.ign is a valid Ignition config with 1 warning(s)')
assert log.contains('1 warning in ') && log.contains('(failOnWarning is true)')
assert log.contains('3 errors in ')
assert log.contains('error at $.storage.files[1].path')
assert log.contains('error at $.storage.files[2]')
assert log.contains('error at $.systemd.units[0].name')
assert !log.contains('at io.github.ignitionassets') : 'no stack trace'
return true
