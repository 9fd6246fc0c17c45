// What the builds must have done on MariaDB, read from their log, the files they wrote and the database; the database
// is dropped whatever the outcome.
import groovy.json.JsonSlurper

def admin = System.getenv('RETORT_TEST_MARIADB_URL') ?: 'jdbc:mariadb://127.0.0.1:3306/?user=root'
def name = new File(basedir, 'database.txt').text.trim()
def url = new File(basedir, 'retort.properties').readLines().find { it.startsWith('url = ') }.substring('url = '.length())
def query = { String sql ->
    def connection = new org.mariadb.jdbc.Driver().connect(url, new Properties())
    try {
        def rs = connection.createStatement().executeQuery(sql)
        def rows = []
        while (rs.next()) rows << (1..rs.metaData.columnCount).collect { rs.getString(it) }.join(' ')
        return rows
    } finally {
        connection.close()
    }
}
try {
    def log = new File(basedir, 'build.log').text
    def expect = { String text, String why -> assert log.contains(text): why + ': build.log lacks ' + text }

    // the application's own Hibernate read the entities, with its MariaDB dialect
    expect('Entities read by Hibernate ORM 6.6.15.Final (the application\'s: ', 'the project\'s Hibernate 6.6')
    expect('Entities under com.example.ledger (the packages of the @Entity classes in ', 'entities.packages found')

    // 1: the first migration, in the types Hibernate's MariaDB dialect gives and MariaDB stores
    def first = new File(basedir, 'migrations/Ra1b2c3d4e5f6_CreateCustomers.java')
    assert first.isFile(): 'retort:revision wrote no first migration'
    def created = first.text
    [
        'op.createTable("customers"',
        'column("id", "bigint").notNull()',
        'column("name", "varchar(200)").notNull()',
        'column("internal_note", "varchar(255)")',
        'column("balance", "numeric(10,2)")',
        'column("active", "bit(1)").notNull()',
        'column("created_at", "datetime(6)")',
        'sequence("customers_seq"'
    ].each { assert created.contains(it): 'first migration lacks ' + it + ':\n' + created }
    expect('Running upgrade <base> -> a1b2c3d4e5f6, create-customers', 'upgrade')

    // 3: clean at head
    expect('No new upgrade operations detected.', 'check at head')
    expect('[INFO] a1b2c3d4e5f6 (head)', 'current')

    // 4: the change, listed in the failure and in the report, with MariaDB's SQL
    expect('The entities and the database differ: a new migration is needed', 'the failing check')
    expect('add column customers.phone varchar(30)', 'the failing check lists the operation')
    def drift = new JsonSlurper().parse(new File(basedir, 'target/retort/drift.json'))
    assert drift.format == 'retort/1' && drift.command == 'check'
    assert drift.operations.size() == 1: drift
    assert drift.operations[0].kind == 'add-column'
    assert drift.operations[0].object == [type: 'column', schema: name, table: 'customers', column: 'phone']
    assert drift.operations[0].sql == ['ALTER TABLE `customers` ADD COLUMN `phone` varchar(30) NULL']

    // 5: the second migration, applied; the history; the offline script from base, for the mariadb client
    def second = new File(basedir, 'migrations/Rb2c3d4e5f6a1_AddPhone.java')
    assert second.isFile(): 'retort:revision wrote no second migration'
    assert second.text.contains('op.addColumn("customers", column("phone", "varchar(30)"));'): second.text
    expect('a1b2c3d4e5f6 -> b2c3d4e5f6a1 (head), add-phone', 'history')
    def script = new File(basedir, 'target/retort/upgrade.sql').text
    assert script.contains('CREATE TABLE `customers`'): script
    assert script.contains('CREATE SEQUENCE `customers_seq`'): script
    assert script.contains('ALTER TABLE `customers` ADD COLUMN `phone` varchar(30) NULL'): script
    assert script.contains('BEGIN NOT ATOMIC'): 'the script checks the version table in MariaDB\'s blocks:\n' + script
    assert !script.contains('"customers"'): 'PostgreSQL\'s quoting in the MariaDB script:\n' + script
    expect('All applied revisions match their migrations.', 'validate')

    // 6, 7: down one, stamped at the head, stamped back, the head applied again
    expect('Running downgrade b2c3d4e5f6a1 -> a1b2c3d4e5f6, add-phone', 'downgrade -1')
    expect('[INFO] b2c3d4e5f6a1 (head)', 'current after the stamp')
    assert log.count('Running upgrade a1b2c3d4e5f6 -> b2c3d4e5f6a1, add-phone') == 2: 'upgraded twice'
    def clean = new JsonSlurper().parse(new File(basedir, 'target/retort/check.json'))
    assert clean.operations == []: clean

    // 8: the stairway on a scratch database of dev.url's server, then the entities at the heads
    expect('Stairway passed: 2 revisions up, down and up again.\n[INFO] No new upgrade operations detected.', 'retort:test')

    // 9, 13: the third migration's second statement cancelled, its first committed; the build's failure names the
    // statement that ran and what to run next, in one message
    def failures = log.findAll(/\[ERROR] Failed to execute goal dev\.retort:retort-maven-plugin:[^:]+:upgrade \(default-cli\)/
            + / on project mariadb-ledger: retort: revision c3d4e5f6a1b2 \(upgrade\): statement 2 of 3 failed: SELECT/
            + / SLEEP\(2\): \(conn=\d+\) Query execution was interrupted /)
    assert failures.size() == 2: 'two upgrades failed at the second statement'
    def stops = ('(max_statement_time exceeded); it was cancelled (1 s, lock.statement-timeout): retry, or raise the'
            + ' limit for this migration with @Timeouts(statement = SECONDS) on class migrations.Rc3d4e5f6a1b2_AddEmail'
            + ' (0 for none); on MariaDB every statement commits: statements 1-1 of this migration ran and stay applied,'
            + ' the version table stays at b2c3d4e5f6a1:\n'
            + '[ERROR]   ran 1. ALTER TABLE `customers` ADD COLUMN `email` varchar(320) NULL\n'
            + '[ERROR] fix the cause and run \'retort upgrade c3d4e5f6a1b2\' again to resume at statement 2, or'
            + ' \'retort downgrade b2c3d4e5f6a1\' to undo statements 1-1\n'
            + '[ERROR] -> [Help 1]')
    assert log.count(stops) == 2: 'the failure message lacks what ran and what to do: ' + stops

    // 10: current and validate say the same
    def partial = ('revision c3d4e5f6a1b2 is partly applied (upgrade failed): 1 of its 3 statements ran, then statement 2'
            + ' failed: ')
    expect('[INFO] b2c3d4e5f6a1\n[INFO] ' + partial, 'current shows the run left halfway')
    expect('[INFO]   ran 1. ALTER TABLE `customers` ADD COLUMN `email` varchar(320) NULL', 'current lists what ran')
    expect('partial: ' + partial, 'validate fails on it')
    expect('run \'retort upgrade c3d4e5f6a1b2\' to resume it, or \'retort downgrade b2c3d4e5f6a1\' to undo its'
            + ' statements', 'validate says what to run')

    // 11: the edited migration refused; 12: undone; 14: resumed, validated, and the entities of v3 match
    expect('is partly applied (upgrade failed after 1 of 3 statements) and was edited since: resuming would run'
            + ' statements it did not start with', 'an edited migration is not resumed')
    expect('[INFO] Undoing statements 1-1 of the upgrade of c3d4e5f6a1b2', 'downgrade undoes the statement that ran')
    expect('[INFO] Running upgrade b2c3d4e5f6a1 -> c3d4e5f6a1b2, add-email\n'
            + '[INFO] Resuming after statement 1 of 3 of the upgrade of c3d4e5f6a1b2', 'upgrade resumes')
    expect('[INFO] Accepted the current content of revision a1b2c3d4e5f6.\n[INFO] All applied revisions match their'
            + ' migrations.', 'validate clean after the resume')
    expect('b2c3d4e5f6a1 -> c3d4e5f6a1b2 (head) (current), add-email', 'history at the third revision')
    def third = new JsonSlurper().parse(new File(basedir, 'target/retort/v3.json'))
    assert third.operations == []: third

    // the database is at the third revision, its history telling the truth about the runs of it
    assert query('SELECT version_num FROM retort_version') == ['c3d4e5f6a1b2']
    assert query("SELECT direction, status, statements, total FROM retort_version_history"
            + " WHERE revision = 'c3d4e5f6a1b2' ORDER BY id") == ['upgrade undone 0 3', 'upgrade resumed 1 3', 'upgrade done 3 3']
    assert query("SELECT column_name, column_type FROM information_schema.columns WHERE table_schema = DATABASE()"
            + " AND table_name = 'customers' AND column_name IN ('phone', 'email') ORDER BY column_name") ==
            ['email varchar(320)', 'phone varchar(30)']
    assert query("SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
            + " AND table_name = 'customers' AND column_name = 'email'") == ['customers_email']
    return true
} finally {
    def connection = new org.mariadb.jdbc.Driver().connect(admin, new Properties())
    try {
        connection.createStatement().execute('DROP DATABASE IF EXISTS `' + name + '`')
    } finally {
        connection.close()
    }
}
