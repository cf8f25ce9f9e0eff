def log = new File(basedir, 'build.log').text
assert log =~ /(?m)\[WARNING\] Lab check not met: run 'quick': test accuracy is 0\.\d{4}, but the minimum is 0\.99$/
assert log =~ /(?m)\[WARNING\] Lab check not met: run 'quick': training took \d+\.\d s, but the maximum is 0\.01 s$/
assert log.contains("[WARNING] Lab check not met: run 'quik': no run record to check; known runs: quick")
assert log.contains(':check (default) on project it-check-fails: Lab checks have not been met: 3 miss(es).'
        + ' See the log for details.')
assert log.count('Failed to execute goal') == 1, 'every miss is logged, the build fails once'
// the goals before check did their work
assert new File(basedir, 'target/lab/report/index.html').text.contains('<tr id="run-quick">')
return true
