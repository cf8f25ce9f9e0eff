def log = new File(basedir, 'build.log').text
def expected = "experiment 'ff': dropout is 2.0, expected a rate in [0, 1)"
assert log.contains(':train (default) on project it-mlp-dropout-refused: ' + expected), log
assert !log.contains('] training '), 'the LeNet listed first may not train before every experiment is checked'
assert !new File(basedir, 'target/lab/runs').exists(), 'no run directory is written'
assert !(log =~ /(?m)^\s+at [\w.$]+\(/), 'one message, no stack trace'
return true
