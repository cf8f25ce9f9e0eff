def log = new File(basedir, 'build.log').text
def predictions = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lab/predictions/digits.json'))
assert predictions.run == 'digits'
assert predictions.predictions.size() == 4
predictions.predictions.each { p ->
    assert p.files.size() == 1
    assert p.predicted in 0..9
    assert p.confidence >= 0 && p.confidence <= 1
}
assert predictions.predictions*.files.flatten().collect { new File(it).name } ==
        ['digit-0.png', 'digit-1.png', 'digit-7.png', 'digit-8.png']
assert log.contains('[INFO] Predictions of 4 image(s): ')
// the second build: a file that is no image
assert log =~ /:predict \(default-cli\) on project it-predict: run 'digits': .*notes\.txt is not a PNG or JPEG image/
return true
