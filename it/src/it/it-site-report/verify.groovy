def log = new File(basedir, 'build.log').text
def site = new File(basedir, 'target/site')
def page = new File(site, 'lab/index.html')
assert page.isFile() : 'the lab report page in the site'
assert page.text.contains('<tr id="run-quick">')
assert page.text.contains('<title>Site report course</title>')
def reports = new File(site, 'project-reports.html').text
assert reports.contains('href="lab/index.html"') && reports.contains('MNIST lab report')
assert log.count('[INFO] [quick] training mlp') == 1 : 'the site trains nothing'
return true
