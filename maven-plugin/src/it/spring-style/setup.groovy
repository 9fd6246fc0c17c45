// A database of this build's own, named in the project's retort.properties (which also says entities.naming = jpa,
// which the plugin's <configuration> overrides with snake).
def admin = System.getenv('RETORT_TEST_DB_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'
def name = 'retort_mvnit_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)
def connection = new org.postgresql.Driver().connect(admin, new Properties())
try {
    connection.createStatement().execute('CREATE DATABASE ' + name)
} finally {
    connection.close()
}
def url = admin.replaceFirst('/[^/?]*(\\?|$)', '/' + name + '$1')
new File(basedir, 'retort.properties').text = "url = ${url}\ndev.url = ${admin}\nentities.naming = jpa\n"
new File(basedir, 'database.txt').text = name
return true
