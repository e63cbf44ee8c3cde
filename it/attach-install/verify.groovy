// install published the attached config: type ign, classifier ignition, the same bytes as generated.
def config = new File(basedir, 'target/generated-resources/ignition/config.ign')
assert config.isFile()
def dir = new File(localRepositoryPath, 'it/ignitionassets/attach-install/1.0')
def installed = new File(dir, 'attach-install-1.0-ignition.ign')
assert installed.isFile() : "not installed: ${dir.list()}"
assert installed.bytes == config.bytes
assert new File(dir, 'attach-install-1.0.pom').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('attach-install-1.0-ignition.ign')
return true
