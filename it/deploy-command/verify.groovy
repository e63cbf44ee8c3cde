// The id::default::url form works with the deploy plugin Maven 3.8.7 binds (2.7) and publishes the config.
def log = new File(basedir, 'build.log').text
assert log.contains('maven-deploy-plugin:2.7:deploy') : 'not the default deploy plugin 2.7'
def dir = new File(basedir, 'target/cli-repo/it/ignitionassets/deploy-command/1.0')
def ign = new File(dir, 'deploy-command-1.0-ignition.ign')
assert ign.isFile() : "no config in $dir"
assert ign.bytes == new File(basedir, 'target/generated-resources/ignition/config.ign').bytes
assert new File(dir, 'deploy-command-1.0-ignition.ign.sha1').isFile()
return true
