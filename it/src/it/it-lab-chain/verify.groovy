import groovy.json.JsonSlurper

def lab = new File(basedir, 'target/lab')
def log = new File(basedir, 'build.log').text
def json = { String path -> new JsonSlurper().parse(new File(lab, path)) }

// train: pretrained run first, every run written with the quick settings
['digits', 'sum-transfer', 'sum-scratch'].each { id ->
    def run = json("runs/${id}/run.json")
    assert run.id == id
    assert run.status == 'complete'
    assert run.spec.epochs == 1 && run.spec.limit == 2000
    assert new File(lab, "runs/${id}/.lab-input").isFile()
    assert new File(lab, "specs/${id}.json").isFile()
    assert log.contains("[INFO] [${id}] training ")
    assert log.contains("[INFO] [${id}] done: test accuracy ")
}
assert log.indexOf('[INFO] [digits] training cnn-lenet') < log.indexOf('[INFO] [sum-transfer] training adder-transfer')
assert log.contains('[INFO] Trained 3 run(s) [digits, sum-transfer, sum-scratch], 0 up to date')
assert json('specs/sum-transfer.json').pretrained == 'target/lab/runs/digits'
def scratch = json('specs/sum-scratch.json')
assert scratch.hidden == [64] && scratch.learningRate == 0.003
assert scratch.stages == [[channels: 4, kernel: 5, padding: 0, pool: 2], [channels: 8, kernel: 3, padding: 0, pool: 0]]
assert new File(lab, 'runs/sum-scratch/model.params').isFile()

// evaluate: the summary of every run, the per-class table in the log
def evaluations = json('evaluations.json').runs
assert evaluations*.id == ['sum-transfer', 'digits', 'sum-scratch']
assert evaluations.every { it.testAccuracy > 0 && it.perClass.size() >= 10 }
assert log =~ /\[INFO\] \[digits\] cnn-lenet: test accuracy 0\.\d{4} \(error \d+\.\d\d%\) on 10000 test digits, best epoch 1 of 1, /
assert log.contains('[INFO] [digits]   class  precision   recall       F1  support')

// compare: both curves, and the verdict line
def adders = json('comparisons/adders.json')
assert adders.runs*.id == ['sum-transfer', 'sum-scratch']
assert adders.runs.every { it.curve.size() == 1 && it.curve[0].iterations > 0 && it.iterationLoss.values }
assert log =~ /\[INFO\] \[adders\] sum-(transfer|scratch) is best: test error /

// report: every run, the description as text
def html = new File(lab, 'report/index.html').text
assert html.contains('<title>Digit adder lab</title>')
['digits', 'sum-transfer', 'sum-scratch'].each { assert html.contains("<tr id=\"run-${it}\">") }
assert html.contains('<td>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>')
assert !html.contains('<script>')
// the report of real quick runs: every section, the networks' totals equal the engine's counts,
// the adders' error curves on one chart (also a sidecar file), a heatmap per run, pictures
['Objectives', 'Data overview', 'Network structure', 'Error curves compared', 'Training loss per iteration',
 'Evaluation on the test set', 'Digit adder: sample test pairs', 'Analysis', 'Provenance'].each {
    assert html.contains(it + '</h') : it
}
['digits', 'sum-transfer', 'sum-scratch'].each { id ->
    def record = json("runs/${id}/run.json")
    def total = String.format(Locale.ROOT, '%,d', record.parameterCount as long)
    assert html.contains("<strong>${total}</strong> · recorded by the run: ${total} <span class=\"ok\">") : id
    assert new File(lab, "report/charts/confusion-${id}.svg").isFile()
}
assert new File(lab, 'report/charts/compare-adders.svg').text.contains('<svg')
assert html.contains('sum-transfer train') && html.contains('sum-scratch train')
assert html.contains('In comparison adders, sum-')
assert (html =~ /<svg /).count >= 7
assert html.contains('src="data:image/png;base64,')

// check: met
assert log.contains('[INFO] All lab checks have been met (1 run(s) checked).')
return true
