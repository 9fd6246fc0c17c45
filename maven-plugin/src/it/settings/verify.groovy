// Each build's outcome, from the log; the database is dropped whatever the outcome.
def admin = System.getenv('RETORT_TEST_DB_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'
def name = new File(basedir, 'database.txt').text.trim()
try {
    def log = new File(basedir, 'build.log').text
    def expect = { String text, String why -> assert log.contains(text): why + ': build.log lacks ' + text }
    expect('[INFO] Version table: "public"."from_config"', 'configuration over user property over file')
    expect('retort: cannot connect to jdbc:postgresql://127.0.0.1:1/***: ', 'user property over file, password masked')
    expect('serverId elsewhere: settings.xml has no <server> with that id', 'a missing server')
    expect('retort:downgrade needs a target: -Dretort.target=-1', 'downgrade without a target')
    assert !log.contains('it-secret-pw-7731'): 'the password is in build.log'
    expect('retort: cannot connect to jdbc:postgresql://127.0.0.1:2/***: ', 'the decrypted password, masked')
    assert !log.contains('decrypted-pw-5519'): 'the decrypted password is in build.log'
    assert !log.contains('yvF26we6'): 'the encrypted password is in build.log'
    expect('lock.ddl-timeout: expected a whole number of seconds, got soon', 'lock.ddl-timeout as a user property')
    return true
} finally {
    def connection = new org.postgresql.Driver().connect(admin, new Properties())
    try {
        connection.createStatement().execute('DROP DATABASE IF EXISTS ' + name + ' WITH (FORCE)')
    } finally {
        connection.close()
    }
}
