def log = new File(basedir, 'build.log').text
def expected = "experiment 'digits': preset 'cnn-lenett' is not known; use one of mlp, mlp-scratch, cnn-small, cnn-lenet, cnn-wide, adder-transfer, adder-scratch, mlp-plus, cnn-plus, adder-transfer-plus, adder-scratch-plus"
assert log.contains(':train (default) on project it-unknown-preset: ' + expected), log
assert !log.contains('] training '), 'nothing may train before every experiment is checked'
assert !new File(basedir, 'target/lab/runs').exists()
assert !(log =~ /(?m)^\s+at [\w.$]+\(/), 'one message, no stack trace'
return true
