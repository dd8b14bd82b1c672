// A warning is logged as a warning and does not fail the build under the default failOn (error).
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] src/main/topo/design.topo:11:5: warning [unpinned-image]')
assert log.contains('BUILD SUCCESS')
