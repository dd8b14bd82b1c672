// failOn never: the error is reported in the log and the reports, and the build passes.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/topo/design.topo:8:5: error [container-os-mismatch]')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/topo/topo.sarif').text.contains('container-os-mismatch')
