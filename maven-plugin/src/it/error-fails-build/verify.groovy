// The build failed on the error, logged at error level with its excerpt, and wrote every report.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/topo/design.topo:8:5: error [container-os-mismatch]')
assert log.contains("[ERROR]  8 |     os linux")
assert log.contains("topo found problems at or above 'error'")
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/topo/TEST-topo.xml'))
assert junit.depthFirst().findAll { it.name() == 'failure' }.size() == 1
def checkstyle = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/topo/checkstyle-topo.xml'))
assert checkstyle.file.error.@source.text().contains('container-os-mismatch')
def gitlab = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/topo/gl-code-quality-report.json'))
assert gitlab.size() == 1 && gitlab[0].check_name == 'container-os-mismatch' && gitlab[0].fingerprint
assert new File(basedir, 'target/topo/topo.sarif').text.contains('container-os-mismatch')
