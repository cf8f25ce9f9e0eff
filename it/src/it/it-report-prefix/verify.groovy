def log = new File(basedir, 'build.log').text
assert log =~ /--- lab-maven-plugin:[^:]+:report \(default-cli\) @ it-report-prefix ---/
assert log.contains('[INFO] Lab report of 1 run(s): ')
def html = new File(basedir, 'target/lab/report/index.html').text
assert html.contains('<title>it-report-prefix</title>')
assert html.contains('<tr id="run-digits"><td>digits</td><td>cnn-lenet</td><td>LeNet &amp; friends</td><td>complete</td>')
// after the hyperparameters and the device: epochs, best epoch, test accuracy
assert html =~ /<tr id="run-digits">.*<td class="number">1<\/td><td class="number">1<\/td><td class="number">0\.9376<\/td>/
return true
