def site = new File(basedir, 'target/site')
assert new File(basedir, 'target/lab/runs/quick/run.json').isFile() : 'the first build trained the run'
assert site.isDirectory() : 'the site was rendered'
assert !new File(site, 'lab/index.html').exists() : 'no lab page with lab.skip'
def reports = new File(site, 'project-reports.html')
assert !reports.exists() || !reports.text.contains('lab/index.html') : 'no link to a lab page with lab.skip'
return true
