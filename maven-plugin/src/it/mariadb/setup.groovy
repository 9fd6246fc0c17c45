// A MariaDB database of this build's own, on the server of RETORT_TEST_MARIADB_URL (as the fixtures'
// MariaDbTestDatabase), named in the project's retort.properties with the server as dev.url for the stairway.
def admin = System.getenv('RETORT_TEST_MARIADB_URL') ?: 'jdbc:mariadb://127.0.0.1:3306/?user=root'
def name = 'retort_mvnit_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)
def connection
try {
    connection = new org.mariadb.jdbc.Driver().connect(admin, new Properties())
} catch (java.sql.SQLException e) {
    throw new IllegalStateException('no MariaDB server for the mariadb IT: '
            + admin.replaceAll('(?i)(password=)[^&]*', '$1***') + ' did not answer (' + e.message
            + '). Start MariaDB (.ci/run shows how), or set RETORT_TEST_MARIADB_URL=jdbc:mariadb://HOST:PORT/?user=U&password=P'
            + ' to a server where that user may create databases.', e)
}
try {
    connection.createStatement().execute('CREATE DATABASE `' + name + '`')
} finally {
    connection.close()
}
// the database in the URL's path, the query (credentials, options) kept, as MariaDbTestDatabase.url does
def query = admin.indexOf('?')
def base = query < 0 ? admin : admin.substring(0, query)
def path = base.indexOf('/', base.indexOf('//') + 2)
def url = (path < 0 ? base : base.substring(0, path)) + '/' + name + (query < 0 ? '' : admin.substring(query))
new File(basedir, 'retort.properties').text = "url = ${url}\ndev.url = ${admin}\n"
new File(basedir, 'database.txt').text = name
return true
