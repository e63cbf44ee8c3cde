import javax.xml.parsers.DocumentBuilderFactory

// help -Ddetail -Dgoal=generate lists every editable parameter of the goal (read from the plugin's own descriptor)
// with its description, its user property and its default.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, '../../classes/META-INF/maven/plugin.xml'))
def child = { el, tag -> el.childNodes.find { it.nodeName == tag } }
def mojo = doc.getElementsByTagName('mojo').with { list -> (0..<list.length).collect { list.item(it) } }
        .find { child(it, 'goal').textContent == 'generate' }
def configuration = child(mojo, 'configuration')
def params = child(mojo, 'parameters').childNodes.findAll { it.nodeName == 'parameter' }
        .findAll { child(it, 'editable').textContent == 'true' }
assert params.size() >= 20 : "only ${params.size()} parameters in the descriptor"
params.each { p ->
    def name = child(p, 'name').textContent
    def conf = child(configuration, name)
    def dflt = conf?.getAttribute('default-value')
    def at = log =~ /(?m)^    ${name}( \(Default:|$)/
    assert at.find() : "help does not show ${name}"
    int end = log.indexOf('\n\n', at.start())
    // help wraps long lines: compare with white space collapsed
    def block = log.substring(at.start(), end < 0 ? log.length() : end).replaceAll(/\s+/, ' ').trim()
    def heading = dflt ? "${name} (Default: ${dflt})" : "${name} "
    assert block.startsWith(heading.toString()) : "help for ${name} does not start '${heading}': ${block}"
    // The description, as words: help wraps and drops the HTML of the Javadoc.
    def words = child(p, 'description').textContent.replaceAll(/<\/?(code|p|a|em|i|b|pre|ul|li)( [^>]*)?>/, '').replaceAll(/\s+/, ' ').trim()
            .split(' ').take(6).join(' ')
    assert block.contains(words) : "help for ${name} lacks its description ('${words}'): ${block}"
    def property = conf?.textContent?.trim()
    if (property?.startsWith('${')) {
        assert block.contains("User property: ${property[2..-2]}") : "help for ${name} lacks its property: ${block}"
    }
}
return true
