// A MySQL database of this build's own, on the server of RETORT_TEST_MYSQL_URL (as the fixtures'
// MariaDbTestDatabase.mysql), named in the project's retort.properties by a jdbc:mysql: url, as a MySQL user writes
// it, with the server as dev.url for the stairway.
def admin = System.getenv('RETORT_TEST_MYSQL_URL') ?: 'jdbc:mariadb://127.0.0.1:3307/?user=root'
def name = 'retort_mvnit_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)
def connection
try {
    connection = new org.mariadb.jdbc.Driver().connect(admin, new Properties())
} catch (java.sql.SQLException e) {
    throw new IllegalStateException('no MySQL server for the mysql IT: '
            + admin.replaceAll('(?i)(password=)[^&]*', '$1***') + ' did not answer (' + e.message
            + '). Start MySQL (.ci/run shows how), or set RETORT_TEST_MYSQL_URL=jdbc:mariadb://HOST:PORT/?user=U&password=P'
            + ' to a MySQL server where that user may create databases.', e)
}
try {
    connection.createStatement().execute('CREATE DATABASE `' + name + '`')
} finally {
    connection.close()
}
def query = admin.indexOf('?')
def base = query < 0 ? admin : admin.substring(0, query)
def path = base.indexOf('/', base.indexOf('//') + 2)
def server = (path < 0 ? base : base.substring(0, path)).replace('jdbc:mariadb:', 'jdbc:mysql:')
def options = query < 0 ? '' : admin.substring(query)
new File(basedir, 'retort.properties').text = "url = ${server}/${name}${options}\ndev.url = ${server}/${options}\n"
new File(basedir, 'database.txt').text = name
return true
