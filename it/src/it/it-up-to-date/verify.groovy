// build.log holds the four builds one after the other
def log = new File(basedir, 'build.log').text
def events = (log =~ /\[INFO\] \[quick\] (training mlp \([^)]*\)|up to date, not retrained)/).collect { it[1] }
assert events == ['training mlp (it has no run record yet)',
                  'up to date, not retrained',
                  'training mlp (lab.force is set)',
                  'training mlp (its spec, the library or the reused run changed)'], events
assert log.count('[INFO] Trained 0 run(s), 1 up to date [quick]') == 1
def run = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lab/runs/quick/run.json'))
assert run.epochs.size() == 2
return true
