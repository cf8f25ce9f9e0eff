def log = new File(basedir, 'build.log').text
def runs = new File(basedir, 'target/lab/runs')
assert runs.list().sort() == ['digits', 'sum']
assert log.contains('[INFO] [digits] training mlp (it has no run record yet; a selected experiment reuses it)')
assert log.contains('[INFO] [sum] training adder-transfer (it has no run record yet)')
assert log.contains("[INFO] [mlps] skipped: run 'other' is not among lab.experiments and not in this build's run directories")
assert log.contains("[INFO] Check of run 'other' skipped: it is not among lab.experiments")
assert log.contains('[INFO] All lab checks have been met (1 run(s) checked).')
return true
