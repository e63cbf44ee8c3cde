// A validate goal bound in the POM with no configuration runs in verify and checks the generated config.
def log = new File(basedir, 'build.log').text
def generate = log.indexOf(':generate (default) @ validate-bound')
def validate = log.indexOf(':validate (default) @ validate-bound')
assert generate >= 0 : 'generate did not run'
assert validate > generate : 'validate did not run after generate'
assert log.contains('[INFO] config.ign is a valid Ignition config')
assert log.contains('BUILD SUCCESS')
return true
