// What the three builds must have done, read from their log and the reports they wrote.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def expect = { String text, String why -> assert log.contains(text): why + ': build.log lacks ' + text }
def finding = 'Rb2c3d4e5f6a1_IndexCustomer.java:13: error non-concurrent-index: CREATE INDEX on existing table "orders"'

// 1: the finding in the log, and the build's failure names it and the report
expect('[INFO] ' + finding, 'the finding, as retort lint prints it')
expect('[INFO] 1 error, 0 warnings in 2 revisions.', 'the counts')
expect('Lint found errors in the migrations', 'the failure')
def failed = new JsonSlurper().parse(new File(basedir, 'target/retort/lint.sarif'))
assert failed.version == '2.1.0': failed
def results = failed.runs[0].results
assert results.size() == 1: results
assert results[0].ruleId == 'non-concurrent-index' && results[0].level == 'error': results
def location = results[0].locations[0].physicalLocation
assert location.artifactLocation.uri == 'migrations/Rb2c3d4e5f6a1_IndexCustomer.java': location
assert location.region.startLine == 13: location
assert !results[0].suppressions: results

// 2: the waived statement passes; the log holds the finding as suppressed, with the reason
expect('[INFO] No lint findings in 2 revisions.', 'the reviewed history')
def reviewed = new JsonSlurper().parse(new File(basedir, 'target/retort/reviewed.sarif'))
def waived = reviewed.runs[0].results
assert waived.size() == 1 && waived[0].ruleId == 'non-concurrent-index': waived
assert waived[0].locations[0].physicalLocation.artifactLocation.uri == 'reviewed/Rb2c3d4e5f6a1_IndexCustomer.java'
assert waived[0].suppressions == [[kind: 'inSource', justification: 'orders holds 40 rows in every deployment']]: waived

// 3: a warning does not fail; the retort/1 document of the one revision named
expect('[INFO] ' + finding.replace(': error ', ': warning '), 'the rule configured as a warning')
def document = new JsonSlurper().parse(new File(basedir, 'target/retort/lint.json'))
assert document.format == 'retort/1' && document.command == 'lint': document
assert document.revisions == ['b2c3d4e5f6a1']: document
assert document.findings.collect { it.rule + ' ' + it.severity } == ['non-concurrent-index warning']: document
return true
