import java.security.MessageDigest

// deploy published the POM and the config (classifier ignition, type ign) to the file repository, each with .sha1 and
// .md5 that match its bytes; the config is the generated one, byte for byte; dependency:copy fetched it back.
def config = new File(basedir, 'target/generated-resources/ignition/config.ign')
assert config.isFile()
def dir = new File(basedir, 'target/releases/it/ignitionassets/deploy/1.0')
assert dir.isDirectory() : "nothing deployed under ${dir}"
def ign = new File(dir, 'deploy-1.0-ignition.ign')
def pom = new File(dir, 'deploy-1.0.pom')
[ign, pom].each { f ->
    assert f.isFile() : "${f.name} not deployed: ${dir.list().sort()}"
    ['sha1': 'SHA-1', 'md5': 'MD5'].each { ext, algorithm ->
        def sum = new File(dir, "${f.name}.${ext}")
        assert sum.isFile() : "${sum.name} not deployed"
        def expected = MessageDigest.getInstance(algorithm).digest(f.bytes).encodeHex().toString()
        assert sum.text.trim() == expected : "${sum.name} says ${sum.text.trim()}, the file's ${algorithm} is ${expected}"
    }
}
assert ign.bytes == config.bytes : 'the deployed .ign is not the generated config'
assert pom.bytes == new File(basedir, 'pom.xml').bytes
assert new File(basedir, 'target/releases/it/ignitionassets/deploy/maven-metadata.xml').isFile()

def fetched = new File(basedir, 'target/fetched/deploy-1.0-ignition.ign')
assert fetched.isFile() : 'dependency:copy did not fetch the config'
assert fetched.bytes == config.bytes

def log = new File(basedir, 'build.log').text
assert log.contains('Uploaded to it-releases') || log.contains('Uploading to it-releases')
return true
