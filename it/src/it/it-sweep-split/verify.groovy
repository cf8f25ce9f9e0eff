import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = { path -> new JsonSlurper().parse(new File(basedir, path)) }
assert !new File(basedir, 'target/job-a/sweeps/km/sweep.json').exists() : 'half a sweep writes no sweep.json'
assert new File(basedir, 'target/job-a/sweeps/km').list().findAll { it.startsWith('k') } == ['k1-m10']
assert log.contains('sweep partial: 1 of 2 points have run in')
assert log.contains('sweep point k1-m10: taken from') && log.contains('sweep point k1-m20: taken from')
def merged = json('target/lab/sweeps/km/sweep.json')
def whole = json('target/whole/sweeps/km/sweep.json')
def same = { s -> s.points.collect { [it.id, it.coordinates, it.validationAccuracy, it.testAccuracy] } }
assert same(merged) == same(whole)
assert merged.best == whole.best && merged.kind == whole.kind
assert new File(basedir, 'target/lab/report/index.html').text.contains('id="sweep-km"')
return true
