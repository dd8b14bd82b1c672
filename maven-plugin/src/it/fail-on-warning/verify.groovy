// failOn warning: the same warning now fails the build, and the reports are still written.
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] src/main/topo/design.topo:11:5: warning [unpinned-image]')
assert log.contains("topo found problems at or above 'warning'")
assert new File(basedir, 'target/topo/topo.sarif').text.contains('unpinned-image')
assert new File(basedir, 'target/topo/TEST-topo.xml').isFile()
