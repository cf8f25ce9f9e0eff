def log = new File(basedir, 'build.log').text
def sweep = new File(basedir, 'target/lab/sweeps/km')
assert new File(sweep, 'sweep.json').isFile()
def points = sweep.listFiles().findAll { new File(it, 'run.json').isFile() }
assert points.size() == 2, "k 1 × m 10, 20 is two runs: ${points}"
assert log.contains('[INFO] [km] sweeping mlp (sweep.json does not exist yet)')
assert log.contains('[INFO] [km] up to date, not swept again')
return true
