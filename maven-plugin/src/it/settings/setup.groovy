// A database of this build's own, named in the project's retort.properties, with a version table that the
// plugin's <configuration> overrides.
def admin = System.getenv('RETORT_TEST_DB_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'
def name = 'retort_mvnit_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)
def connection = new org.postgresql.Driver().connect(admin, new Properties())
try {
    connection.createStatement().execute('CREATE DATABASE ' + name)
} finally {
    connection.close()
}
def url = admin.replaceFirst('/[^/?]*(\\?|$)', '/' + name + '$1')
new File(basedir, 'retort.properties').text = "url = ${url}\nversion.table = from_file\n"
new File(basedir, 'database.txt').text = name
return true
