def log = new File(basedir, 'build.log').text
assert log =~ /(?m)\[WARNING\] Lab check not met: run 'quick': test accuracy is 0\.\d{4}, but the minimum is 0\.99$/
assert log =~ /(?m)\[WARNING\] Lab check not met: run 'quick': training took \d+\.\d s, but the maximum is 0\.01 s$/
assert log.contains("[WARNING] Lab check not met: run 'quik': no run record to check; known runs: quick")
assert log.contains(':check (default) on project it-check-fails: Lab checks have not been met: 3 miss(es).'
        + ' See the log for details.')
assert log.count('Failed to execute goal') == 1, 'every miss is logged, the build fails once'
// the goals before check did their work
assert new File(basedir, 'target/lab/report/index.html').text.contains('<tr id="run-quick">')
// the same outcome as JUnit XML for CI: one test case per check, each miss in its failure, a run
// without a record an error
def xml = new File(basedir, 'target/lab/checks/TEST-lab-checks.xml')
def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml).documentElement
assert suite.getAttribute('tests') == '2' && suite.getAttribute('failures') == '1' && suite.getAttribute('errors') == '1'
assert suite.getAttribute('timestamp') =~ /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/
def cases = suite.getElementsByTagName('testcase')
assert cases.item(0).getAttribute('name') == 'quick: test accuracy ≥ 0.99, training ≤ 0.01 s'
assert cases.item(0).getElementsByTagName('failure').item(0).getAttribute('message') =~
        /test accuracy is 0\.\d{4}, but the minimum is 0\.99; run 'quick': training took \d+\.\d s/
assert cases.item(1).getAttribute('name') == 'quik: test accuracy ≥ 0.5'
assert cases.item(1).getElementsByTagName('error').item(0).getAttribute('message').contains('no run record to check')
return true
