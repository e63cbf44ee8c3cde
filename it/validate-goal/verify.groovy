// The validate goal reports as ignition-validate does: errors (all, with their JSON paths, lines and columns, in
// the order they come in the file) fail the build; warnings are logged and fail it only with failOnWarning.
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] warning at $.systemd.units[0].contents, line 1 col 99: unit "a.service" is enabled')
assert log.contains('warning.ign is a valid Ignition config with 1 warning(s)')
assert log.contains('1 warning in ') && log.contains('(failOnWarning is true)')
// ignition-validate 2.14 names the same places, but units[0] before files[2]: ours follow the file.
def errors = [
    '  - error at $.storage.files[1].path, line 3 col 30: path not absolute [PATH_NOT_ABSOLUTE]',
    '  - error at $.storage.files[2], line 4 col 23: duplicate entry defined [DUPLICATE_PATH]',
    '  - error at $.systemd.units[0].name, line 5 col 30: invalid systemd unit extension [UNIT_EXTENSION]',
]
assert log.contains('3 errors in ')
def at = errors.collect { log.indexOf(it) }
assert at.every { it >= 0 } : "build.log lacks one of $errors"
assert at == at.sort(false) : 'errors are not in document order'
assert !log.contains('at io.github.ignitionassets') : 'no stack trace'
return true
