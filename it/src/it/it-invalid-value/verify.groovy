def log = new File(basedir, 'build.log').text
def expected = "experiment 'frozen': learningRate is 0.0, expected a number > 0, e.g. 0.01"
assert log.contains(':train (default) on project it-invalid-value: ' + expected), log
assert !log.contains('] training '), 'nothing may train before every experiment is checked'
assert !new File(basedir, 'target/lab/runs').exists()
assert !(log =~ /(?m)^\s+at [\w.$]+\(/), 'one message, no stack trace'
return true
