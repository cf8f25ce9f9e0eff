def log = new File(basedir, 'build.log').text
assert log.contains("experiment 'slow': it ran longer than 4 s (lab.forkTimeout) and was stopped")
assert log.count('Failed to execute goal') == 1
// nothing half-written: no record, and the trainer is gone (it would otherwise keep writing)
assert !new File(basedir, 'target/lab/runs/slow/run.json').exists()
return true
