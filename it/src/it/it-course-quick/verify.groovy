import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lab = new File(basedir, 'target/lab')
def json = { path -> new JsonSlurper().parse(new File(lab, path)) }

// all five labs trained, with the overall progress on each experiment's line
def ids = ['mlp', 'mlp-scratch', 'small-cnn', 'digits', 'wide-cnn', 'sum-transfer', 'sum-scratch',
           'mlp-plus', 'digits-plus', 'sum-transfer-plus', 'sum-scratch-plus']
ids.eachWithIndex { id, i ->
    assert json("runs/${id}/run.json").status == 'complete'
    assert (log =~ /\[INFO\] \[${id}\] training [a-z-]+ \([^)]*\), experiment ${i + 1} of 11, about \d+ (s|min) left/).find()
    assert new File(lab, "runs/${id}/epochs.csv").readLines().size() == 2
}
assert json('sweeps/mlp-k-m/sweep.json').points.size() == 12
assert json('sweeps/lenet-depth-kernel/sweep.json').points.size() == 9
assert log =~ /sweep point 2\/9: d1-k5 \{depth=1, kernel=5\}, about \d+ (s|min) left/

// the ablation: the lab's MLP, each change of mlp-plus alone, all of them; a table and a bar chart in the report
def ablation = json('sweeps/mlp-ablation/sweep.json')
assert ablation.kind == 'ablation' && ablation.preset == 'mlp-plus'
assert ablation.points*.id == ['lab', 'network', 'optimizer', 'schedule', 'augmentation', 'label-smoothing', 'all']
assert json('sweeps/mlp-ablation/augmentation/run.json').spec.shiftPixels == 2
assert json('runs/digits-plus/run.json').spec.batchNorm == true

// the small CNN recorded its pictures
def small = json('runs/small-cnn/run.json')
assert small.schemaVersion == 2
assert small.pictures.kernels*.epoch == [0, 1]
assert small.pictures.featureMaps.size() == 8
small.pictures.kernels.each { assert new File(lab, "runs/small-cnn/${it.file}").bytes[1..3] == 'PNG'.bytes as List }

// the report: a section per lab, in the course's order, with the pictures; CSVs and the summary beside it
def html = new File(lab, 'report/index.html').text
def at = ['lab-mlp', 'lab-small-cnn', 'lab-lenet', 'lab-wide-cnn', 'lab-adder'].collect { html.indexOf("<h3 id=\"${it}\">") }
assert at.every { it > 0 } && at == at.sort(false) : at
assert html.contains('<td>all changes together (mlp-plus)</td>')
assert html.contains('(cnn-plus, the improved spec) reaches a test accuracy of')
assert html.contains('small-cnn: kernels of the first conv layer over training</h4>')
assert html.count('<img class="maps" src="data:image/png;base64,') >= 8
assert html.contains('<a href="data/wide-cnn-epochs.csv">CSV</a>')
assert new File(lab, 'report/data/sum-scratch-epochs.csv').isFile()
def summary = new File(lab, 'report/summary.md').text
assert summary.contains('| wide-cnn | cnn-wide | complete | 1 | 1 |')
assert log.contains('[INFO] All lab checks have been met')
def checks = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(lab, 'checks/TEST-lab-checks.xml')).documentElement
assert checks.getAttribute('tests') == '1' && checks.getAttribute('failures') == '0'
assert checks.getElementsByTagName('testcase').item(0).getAttribute('name') == 'digits: test accuracy ≥ 0.85'
return true
