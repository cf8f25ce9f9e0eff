import groovy.json.JsonSlurper

assert basedir.name == 'it-path with space'
def lab = new File(basedir, 'target/lab')
def log = new File(basedir, 'build.log').text
// quick runs (2,000 digits, one epoch): the CNN and the MLP well above chance, the adder trained
[digits: 0.3, mlp: 0.15, 'sum-transfer': 0.0].each { id, minimum ->
    def run = new JsonSlurper().parse(new File(lab, "runs/${id}/run.json"))
    assert run.status == 'complete'
    assert run.test.accuracy > minimum
    assert run.provenance.device == 'cpu()'
    assert new File(lab, "runs/${id}/model.params").isFile()
}
// the transfer adder found its pretrained run through the spaced path
assert new JsonSlurper().parse(new File(lab, 'specs/sum-transfer.json')).pretrained == 'target/lab/runs/digits'
assert log.contains('[INFO] Trained 3 run(s) [digits, sum-transfer, mlp], 0 up to date')
assert new File(lab, 'comparisons/digits-vs-mlp.json').isFile()
def html = new File(lab, 'report/index.html').text
['digits', 'sum-transfer', 'mlp'].each { assert html.contains("<tr id=\"run-${it}\">") }
assert log.contains('All lab checks have been met (1 run(s) checked).')
return true
