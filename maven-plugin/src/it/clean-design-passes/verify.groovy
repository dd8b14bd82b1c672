// The build passed (the invoker checks that); the log says so and the default reports exist.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] no findings in 1 file')
def sarif = new File(basedir, 'target/topo/topo.sarif')
assert sarif.isFile() && sarif.text.contains('"version": "2.1.0"')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/topo/TEST-topo.xml'))
assert junit.depthFirst().findAll { it.name() == 'failure' }.isEmpty()
assert !new File(basedir, 'target/topo/checkstyle-topo.xml').exists()
