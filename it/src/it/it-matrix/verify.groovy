import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').readLines().findAll { it.contains('{"include":') }
assert lines.size() == 1 : 'one JSON line on standard output'
def units = new JsonSlurper().parseText(lines[0].substring(lines[0].indexOf('{'))).include
def trained = units.findAll { it.goal == 'lab:train' }
assert trained*.experiments == ['mlp', 'digits,sum-transfer', 'sum-scratch']
// every experiment exactly once, after the run it builds on
assert trained*.experiments.join(',').split(',').sort() == ['digits', 'mlp', 'sum-scratch', 'sum-transfer']
def swept = units.findAll { it.goal == 'lab:sweep' }
assert swept*.points == ['k1-m10', 'k1-m20', 'k2-m10', 'k2-m20']
assert swept[0].args == 'lab:sweep -Dlab.sweeps=km -Dlab.sweepPoints=k1-m10'
assert new JsonSlurper().parse(new File(basedir, 'target/lab/matrix.json')).include.size() == 7
assert !new File(basedir, 'target/lab/runs').exists() : 'nothing trained'
return true
