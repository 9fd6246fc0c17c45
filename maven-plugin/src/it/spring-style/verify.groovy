// What the nine builds must have done, read from their log, the files they wrote and the database; the database is
// dropped whatever the outcome.
import groovy.json.JsonSlurper

def admin = System.getenv('RETORT_TEST_DB_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'
def name = new File(basedir, 'database.txt').text.trim()
def url = admin.replaceFirst('/[^/?]*(\\?|$)', '/' + name + '$1')
try {
    def log = new File(basedir, 'build.log').text
    def expect = { String text, String why -> assert log.contains(text): why + ': build.log lacks ' + text }

    // the application's own Hibernate read the entities; the controller beside them was never loaded
    expect('Entities read by Hibernate ORM 6.6.15.Final (the application\'s: ', 'the project\'s Hibernate 6.6')
    expect('Entities under com.example.shop (the packages of the @Entity classes in ', 'entities.packages found')
    assert !log.contains('HttpServletRequest'): 'the controller was loaded'

    // 1: the first migration, named in snake case (the plugin's configuration over retort.properties' jpa)
    def first = new File(basedir, 'migrations/Ra1b2c3d4e5f6_CreateCustomers.java')
    assert first.isFile(): 'retort:revision wrote no first migration'
    def created = first.text
    assert created.contains('op.createTable('): created
    assert created.contains('"customers"'): created
    [
        'column("id", "bigint").notNull()',
        'column("name", "varchar(200)").notNull()',
        'column("internal_note", "varchar(255)")',
        'column("tags", "varchar(255)")',
        'column("avatar_type", "varchar(255)")',
        'sequence("customers_seq"'
    ].each { assert created.contains(it): 'first migration lacks ' + it + ':\n' + created }

    // 3: clean at head
    expect('No new upgrade operations detected.', 'check at head')
    expect('[INFO] a1b2c3d4e5f6 (head)', 'current')

    // 4: the change, listed in the failure and in the report
    expect('The entities and the database differ: a new migration is needed', 'the failing check')
    expect('add column customers.phone varchar(30)', 'the failing check lists the operation')
    def drift = new JsonSlurper().parse(new File(basedir, 'target/retort/drift.json'))
    assert drift.format == 'retort/1' && drift.command == 'check'
    assert drift.operations.size() == 1: drift
    assert drift.operations[0].kind == 'add-column'
    assert drift.operations[0].object == [type: 'column', schema: 'public', table: 'customers', column: 'phone']
    assert drift.operations[0].sql == ['ALTER TABLE "customers" ADD COLUMN "phone" varchar(30)']

    // 5: skipped
    expect('Skipping Retort (retort.skip)', 'retort.skip')

    // 6: the second migration, applied; the history; the offline script from base
    def second = new File(basedir, 'migrations/Rb2c3d4e5f6a1_AddPhone.java')
    assert second.isFile(): 'retort:revision wrote no second migration'
    assert second.text.contains('op.addColumn("customers", column("phone", "varchar(30)"));'): second.text
    expect('a1b2c3d4e5f6 -> b2c3d4e5f6a1 (head), add-phone', 'history')
    def script = new File(basedir, 'target/retort/upgrade.sql').text
    assert script.contains('CREATE TABLE "customers"'): script
    assert script.contains('ALTER TABLE "customers" ADD COLUMN "phone" varchar(30)'): script

    expect('All applied revisions match their migrations.', 'validate')

    // 7, 8: down one, stamped at the head, stamped back, the head applied again
    expect('Running downgrade b2c3d4e5f6a1 -> a1b2c3d4e5f6, add-phone', 'downgrade -1')
    expect('[INFO] b2c3d4e5f6a1 (head)', 'current after the stamp')
    assert log.count('Running upgrade a1b2c3d4e5f6 -> b2c3d4e5f6a1, add-phone') == 2: 'upgraded twice'

    // 8: the last check is clean, its report empty
    def clean = new JsonSlurper().parse(new File(basedir, 'target/retort/check.json'))
    assert clean.operations == []: clean

    // 9: the stairway on a scratch database, then the entities at the heads
    expect('Stairway passed: 2 revisions up, down and up again.\n[INFO] No new upgrade operations detected.', 'retort:test')

    // the database is at the second revision, and has the column
    def connection = new org.postgresql.Driver().connect(url, new Properties())
    try {
        def versions = connection.createStatement().executeQuery('SELECT version_num FROM retort_version')
        def at = []
        while (versions.next()) at << versions.getString(1)
        assert at == ['b2c3d4e5f6a1']: at
        def columns = connection.createStatement().executeQuery(
                "SELECT data_type, character_maximum_length FROM information_schema.columns"
                        + " WHERE table_name = 'customers' AND column_name = 'phone'")
        assert columns.next() && columns.getString(1) == 'character varying' && columns.getInt(2) == 30
    } finally {
        connection.close()
    }

    // settings.xml's password never reaches the log
    assert !log.contains('it-secret-pw-7731'): 'the password is in build.log'
    return true
} finally {
    def connection = new org.postgresql.Driver().connect(admin, new Properties())
    try {
        connection.createStatement().execute('DROP DATABASE IF EXISTS ' + name + ' WITH (FORCE)')
    } finally {
        connection.close()
    }
}
