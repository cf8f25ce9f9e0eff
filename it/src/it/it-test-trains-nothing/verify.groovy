def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('lab-maven-plugin'), 'no lab goal may run before integration-test'
assert !new File(basedir, 'target/lab').exists()
return true
