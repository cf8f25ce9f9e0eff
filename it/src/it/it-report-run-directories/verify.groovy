def log = new File(basedir, 'build.log').text
def local = new File(basedir, 'target/lab/runs/digits').canonicalPath
def merged = new File(basedir, 'job-2/runs/digits').canonicalPath
assert log.contains("[WARNING] run 'digits' is in both ${local} and ${merged}; using ${local}")
def evaluations = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lab/evaluations.json')).runs
assert evaluations*.id == ['digits', 'sum-scratch']
assert log.contains('[INFO] Lab report of 2 run(s): ')
def html = new File(basedir, 'target/lab/report/index.html').text
assert html.contains('<tr id="run-digits">') && html.contains('<tr id="run-sum-scratch">')
return true
