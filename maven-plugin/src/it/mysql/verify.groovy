// What the builds must have done on MySQL, read from their log, the files they wrote and the database; the database
// is dropped whatever the outcome.
import groovy.json.JsonSlurper

def admin = System.getenv('RETORT_TEST_MYSQL_URL') ?: 'jdbc:mariadb://127.0.0.1:3307/?user=root'
def name = new File(basedir, 'database.txt').text.trim()
def url = new File(basedir, 'retort.properties').readLines().find { it.startsWith('url = ') }.substring('url = '.length())
        .replace('jdbc:mysql:', 'jdbc:mariadb:')
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

    // the application's own Hibernate read the entities, mapped again with its MySQL dialect once the server said MySQL
    expect('Entities read by Hibernate ORM 6.6.15.Final (the application\'s: ', 'the project\'s Hibernate 6.6')
    expect('Entities under com.example.ledger (the packages of the @Entity classes in ', 'entities.packages found')

    // 1: the first migration, in the types Hibernate's MySQL dialect gives and MySQL stores
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
        // Hibernate's MySQL dialect keeps the id's sequence as a table
        'op.createTable("customers_seq"'
    ].each { assert created.contains(it): 'first migration lacks ' + it + ':\n' + created }
    expect('Running upgrade <base> -> a1b2c3d4e5f6, create-customers', 'upgrade')

    // 3: clean at head
    expect('No new upgrade operations detected.', 'check at head')
    expect('[INFO] a1b2c3d4e5f6 (head)', 'current')

    // 4: the change, listed in the failure and in the report, with the dialect's SQL
    expect('The entities and the database differ: a new migration is needed', 'the failing check')
    expect('add column customers.phone varchar(30)', 'the failing check lists the operation')
    def drift = new JsonSlurper().parse(new File(basedir, 'target/retort/drift.json'))
    assert drift.format == 'retort/1' && drift.command == 'check'
    assert drift.operations.size() == 1: drift
    assert drift.operations[0].kind == 'add-column'
    assert drift.operations[0].object == [type: 'column', schema: name, table: 'customers', column: 'phone']
    assert drift.operations[0].sql == ['ALTER TABLE `customers` ADD COLUMN `phone` varchar(30) NULL']

    // 5: the second migration, applied; the history; the offline script from base, MySQL's, for the mysql client
    def second = new File(basedir, 'migrations/Rb2c3d4e5f6a1_AddPhone.java')
    assert second.isFile(): 'retort:revision wrote no second migration'
    assert second.text.contains('op.addColumn("customers", column("phone", "varchar(30)"));'): second.text
    expect('a1b2c3d4e5f6 -> b2c3d4e5f6a1 (head), add-phone', 'history')
    def script = new File(basedir, 'target/retort/upgrade.sql').text
    assert script.contains('CREATE TABLE `customers`'): script
    assert !script.contains('CREATE SEQUENCE'): 'MySQL has no sequences:\n' + script
    assert script.contains('ALTER TABLE `customers` ADD COLUMN `phone` varchar(30) NULL'): script
    assert script.contains('CREATE PROCEDURE retort_script_block()\nBEGIN\n'): 'the script checks the version table in a procedure of its own:\n' + script
    assert !script.contains('BEGIN NOT ATOMIC'): 'MariaDB\'s blocks in the MySQL script:\n' + script
    assert !script.contains('"customers"'): 'PostgreSQL\'s quoting in the MySQL script:\n' + script
    expect('All applied revisions match their migrations.', 'validate')

    // 6, 7: down one, stamped at the head, stamped back, the head applied again
    expect('Running downgrade b2c3d4e5f6a1 -> a1b2c3d4e5f6, add-phone', 'downgrade -1')
    expect('[INFO] b2c3d4e5f6a1 (head)', 'current after the stamp')
    assert log.count('Running upgrade a1b2c3d4e5f6 -> b2c3d4e5f6a1, add-phone') == 2: 'upgraded twice'
    def clean = new JsonSlurper().parse(new File(basedir, 'target/retort/check.json'))
    assert clean.operations == []: clean

    // 8: the stairway on a scratch database of dev.url's server, then the entities at the heads
    expect('Stairway passed: 2 revisions up, down and up again.\n[INFO] No new upgrade operations detected.', 'retort:test')

    // the database at the second revision, its history telling the truth about the runs of it
    assert query('SELECT version_num FROM retort_version') == ['b2c3d4e5f6a1']
    assert query("SELECT column_name, column_type FROM information_schema.columns WHERE table_schema = DATABASE()"
            + " AND table_name = 'customers' AND column_name = 'phone'") == ['phone varchar(30)']
    assert query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name"
            + " NOT LIKE 'retort%' ORDER BY table_name") == ['customers', 'customers_seq']
    return true
} finally {
    def connection = new org.mariadb.jdbc.Driver().connect(admin, new Properties())
    try {
        connection.createStatement().execute('DROP DATABASE IF EXISTS `' + name + '`')
    } finally {
        connection.close()
    }
}
