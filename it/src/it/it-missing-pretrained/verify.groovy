def log = new File(basedir, 'build.log').text
def expected = "experiment 'sum-transfer': pretrained 'digitz' is not an experiment id; known ids: digits, sum-transfer"
assert log.contains(':train (default) on project it-missing-pretrained: ' + expected), log
assert !log.contains('] training '), 'nothing may train before every experiment is checked'
assert !new File(basedir, 'target/lab/runs').exists()
assert !(log =~ /(?m)^\s+at [\w.$]+\(/), 'one message, no stack trace'
return true
