def log = new File(basedir, 'build.log').text
def sweep = new File(basedir, 'target/lab/sweeps/km')
assert new File(sweep, 'sweep.json').isFile()
def points = sweep.listFiles().findAll { new File(it, 'run.json').isFile() }
assert points.size() == 2, "k 1 × m 10, 20 is two runs: ${points}"
assert log.contains('[INFO] [km] sweeping mlp (sweep.json does not exist yet)')
assert log.contains('[INFO] [km] up to date, not swept again')
// train and sweep both fork the trainer; the device is decided, and logged, once per build (two builds)
assert log.count('Device: ') == 2, log.readLines().findAll { it.contains('Device: ') }.toString()
return true
