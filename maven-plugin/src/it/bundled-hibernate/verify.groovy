// The bundled Hibernate read the entities, and check listed the missing table; the database is dropped whatever the
// outcome.
def admin = System.getenv('RETORT_TEST_DB_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'
def name = new File(basedir, 'database.txt').text.trim()
try {
    def log = new File(basedir, 'build.log').text
    def expect = { String text, String why -> assert log.contains(text): why + ': build.log lacks ' + text }
    expect('[INFO] Entities read by Hibernate ORM 7.4.6.Final (bundled): 1 entity classes', 'the bundled Hibernate')
    expect('[INFO]   add table notes', 'the missing table listed')
    expect('The entities and the database differ: a new migration is needed', 'the failure')
    return true
} finally {
    def connection = new org.postgresql.Driver().connect(admin, new Properties())
    try {
        connection.createStatement().execute('DROP DATABASE IF EXISTS ' + name + ' WITH (FORCE)')
    } finally {
        connection.close()
    }
}
