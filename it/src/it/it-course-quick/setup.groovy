// Run the sample course exactly as the README gives it: its POM, copied over the placeholder.
def course = new File(basedir, '../../../../examples/course/pom.xml')
assert course.isFile() : "the sample course is not at ${course}"
new File(basedir, 'pom.xml').text = course.text
return true
