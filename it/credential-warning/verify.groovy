def log = new File(basedir, 'build.log').getText('UTF-8')

// The warning is logged, then fails the build with the same text; the mutable tag is no warning under always.
def warning = 'Ignition config config.ign embeds /root/.docker/config.json, a file podman reads registry credentials' +
        ' from; attach is true, so install and deploy publish it with the config: have the host fetch it, or set attach to false'
assert log.contains('[WARNING] ' + warning) : 'the warning is logged'
assert log.contains('1 warning (failOnWarning is true):') : 'failOnWarning fails the build'
assert log.contains('  - ' + warning)
assert !log.contains('latest can name a new image') : 'pullPolicy always updates a :latest image'
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'no stack trace'

// pullPolicy from the POM reached the script.
def script = new File(basedir, 'target/generated-resources/ignition/agent-pull-image').getText('UTF-8')
assert script.contains('\npull_policy=always\n')
assert script.contains("\nauth_file=''\n")
return true
