def log = new File(basedir, 'build.log').text
['train', 'evaluate', 'report', 'check'].each { goal ->
    assert log.contains("[INFO] Skipping lab:${goal} because property lab.skip is set.")
}
assert !new File(basedir, 'target/lab').exists()
return true
