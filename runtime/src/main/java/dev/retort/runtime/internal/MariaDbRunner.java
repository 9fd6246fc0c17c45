package dev.retort.runtime.internal;

import dev.retort.Dialect;
import dev.retort.RetortException;
import dev.retort.SqlDialect;
import dev.retort.VisibleText;
import dev.retort.mariadb.ForeignKeyTracker;
import dev.retort.mariadb.ForeignKeyTracker.TableMatch;
import dev.retort.mariadb.LiveColumns;
import dev.retort.mariadb.MariaDbIntrospector;
import dev.retort.mariadb.MariaDbServer;
import dev.retort.mariadb.MariaDbSql;
import dev.retort.mariadb.MySqlExistence;
import dev.retort.mariadb.RenamedColumnChecks;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.DropCheck;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.ValidateConstraint;
import dev.retort.revision.Targets;
import dev.retort.runtime.MigrationException;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The runner on MariaDB (and MySQL): every DDL statement commits, so a migration runs statement by statement
 * with its progress recorded in the history table ({@link StatementRun}); {@code GET_LOCK} ({@link MariaDbLock});
 * {@code lock_wait_timeout} and {@code max_statement_time} for the session; {@code time_zone}. The schema of
 * the version table is the connection's database unless {@code version.schema} names another.
 */
final class MariaDbRunner implements RunnerDialect {
    static final MariaDbRunner INSTANCE = new MariaDbRunner(MariaDbServer.Kind.MARIADB);

    /** How a compound statement starts: MariaDB runs one anywhere, MySQL only in a stored program. */
    private static final String BLOCK = "BEGIN NOT ATOMIC";

    /** The procedure a MySQL script makes of each block, calls and drops. */
    private static final String SCRIPT_PROCEDURE = "retort_script_block";

    /**
     * The procedure a block of a migration runs as on MySQL, made just before and dropped just after (in the migration's
     * database: the user needs {@code CREATE ROUTINE} and {@code ALTER ROUTINE} there).
     */
    private static final String RUN_PROCEDURE = "retort_block";

    /** The runner on a MySQL server: no {@code max_statement_time} and no column-level checks there. */
    static final MariaDbRunner MYSQL = new MariaDbRunner(MariaDbServer.Kind.MYSQL);

    /** The renderer: {@code mariadb}'s, which refuses in one line what MariaDB has no form for. */
    static final SqlDialect SQL = MariaDbSql.DIALECT;

    /** MariaDB's {@code lock_wait_timeout} maximum, a year in seconds: Retort's zero, "for ever". */
    private static final long FOR_EVER = 31_536_000;

    private static final Pattern SETTING = Pattern.compile("[a-z_]+");

    private static final String NO_BACKSLASH_ESCAPES = "NO_BACKSLASH_ESCAPES";

    private final MariaDbServer.Kind server;

    private MariaDbRunner(MariaDbServer.Kind server) {
        this.server = server;
    }

    @Override
    public Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    public String server() {
        return server.mysql() ? "MySQL" : "MariaDB";
    }

    @Override
    public SqlDialect sql() {
        return SQL;
    }

    /** The default schema ({@code public}) is the connection's database, left implicit. */
    @Override
    public String qualified(String schema, String name) {
        return schema.equals(VersionTable.DEFAULT_SCHEMA) ? quote(name) : quote(schema) + "." + quote(name);
    }

    /**
     * Only the default schema: unqualified names are in the URL's database and nothing else would put them elsewhere, so
     * another schema would only move the version table to a database of its name ({@code version.schema} does that when
     * meant).
     */
    @Override
    public void requireSchemas(List<String> schemas) {
        if (schemas.isEmpty() || schemas.equals(List.of(VersionTable.DEFAULT_SCHEMA))) return;
        throw new RetortException("schemas " + VisibleText.of(String.join(", ", schemas), false)
                + ": a MariaDB URL names its one database, the default schema; leave schemas unset");
    }

    @Override
    public List<String> versionTableSchemas(Connection connection, String name, String schema, Set<String> lookIn)
            throws SQLException {
        List<String> others = lookIn.stream()
                .filter(s -> !s.equals(VersionTable.DEFAULT_SCHEMA))
                .toList();
        StringBuilder sql = new StringBuilder("SELECT table_schema, table_schema = DATABASE() AS here"
                + " FROM information_schema.columns WHERE table_name = ? AND column_name = 'version_num'"
                + " AND (table_schema = DATABASE()");
        for (int i = 0; i < others.size(); i++) sql.append(" OR table_schema = ?");
        sql.append(") ORDER BY table_schema = ? DESC, table_schema");
        List<String> found = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
            st.setString(1, name);
            for (int i = 0; i < others.size(); i++) st.setString(i + 2, others.get(i));
            st.setString(others.size() + 2, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next())
                    found.add(rs.getBoolean("here") ? VersionTable.DEFAULT_SCHEMA : rs.getString("table_schema"));
            }
        }
        return found;
    }

    @Override
    public boolean exists(Connection connection, String schema, String name) throws SQLException {
        boolean here = schema.equals(VersionTable.DEFAULT_SCHEMA);
        try (PreparedStatement st =
                connection.prepareStatement("SELECT count(*) AS present FROM information_schema.tables"
                        + " WHERE table_name = ? AND table_schema = " + (here ? "DATABASE()" : "?"))) {
            st.setString(1, name);
            if (!here) st.setString(2, schema);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt("present") > 0;
            }
        }
    }

    @Override
    public List<String> createVersionTable(VersionTable table) {
        List<String> sql = new ArrayList<>();
        if (!table.schema().equals(VersionTable.DEFAULT_SCHEMA))
            sql.add("CREATE DATABASE IF NOT EXISTS " + quote(table.schema()));
        sql.add("CREATE TABLE IF NOT EXISTS " + table.qualified() + " (version_num varchar(32) NOT NULL, CONSTRAINT "
                + quote(table.name() + "_pkc") + " PRIMARY KEY (version_num)) ENGINE = InnoDB");
        return sql;
    }

    /**
     * An anonymous compound statement that signals unless the table holds exactly {@code heads}, or, for any
     * heads, while a run of the history is partly applied.
     */
    @Override
    public String expectVersions(VersionTable table, Set<String> heads) {
        HistoryTable history = new HistoryTable(table);
        String where = table.schema().equals(VersionTable.DEFAULT_SCHEMA) ? "DATABASE()" : literal(table.schema());
        List<String> body = new ArrayList<>(List.of(
                "BEGIN NOT ATOMIC",
                "  DECLARE at text DEFAULT '';",
                "  DECLARE problem varchar(500) DEFAULT NULL;",
                "  IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = " + where
                        + " AND table_name = " + literal(table.name()) + ") THEN",
                "    SELECT coalesce(group_concat(version_num ORDER BY BINARY version_num SEPARATOR ', '), '') INTO at FROM "
                        + table.qualified() + ";",
                "  END IF;",
                "  IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = " + where
                        + " AND table_name = " + literal(history.name()) + ") THEN",
                server.mysql()
                        // MySQL signals at most 128 characters (1648 beyond): its words fit with a 32-character id
                        ? "    SELECT concat('retort: ', revision, ' partly applied (', direction, ', ', statements, ' of ',"
                                + " total, ' ran): resolve with retort upgrade or downgrade online') INTO problem FROM "
                                + history.qualified()
                                + " WHERE status IN ('running', 'failed') ORDER BY id DESC LIMIT 1;"
                        : "    SELECT concat('retort: revision ', revision, ' is partly applied (', direction, ', ',"
                                + " statements, ' of ', total, ' statements ran): run retort upgrade or downgrade online"
                                + " to resolve it') INTO problem FROM "
                                + history.qualified()
                                + " WHERE status IN ('running', 'failed') ORDER BY id DESC LIMIT 1;",
                "  END IF;"));
        if (heads != null) {
            String expected = String.join(", ", new TreeSet<>(heads));
            body.add("  IF problem IS NULL AND at <> " + literal(expected) + " THEN");
            body.add("    SET problem = concat('retort: the version table ', " + literal(table.qualified())
                    + ", ' is at ', IF(at = '', 'base', at), ', this block expects ', "
                    + literal(expected.isEmpty() ? Targets.BASE : expected) + ");");
            body.add("  END IF;");
        }
        // MySQL signals at most 128 characters: a longer list of heads is cut rather than lost to error 1648
        if (server.mysql()) body.add("  SET problem = left(problem, 128);");
        body.add("  IF problem IS NOT NULL THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = problem; END IF;");
        body.add("END");
        return String.join("\n", body);
    }

    /**
     * As on PostgreSQL, plus how far each run got: {@code status} ({@code running}, {@code failed}, {@code done},
     * {@code resumed}, {@code undone}, {@code stamped}), {@code statements} committed of {@code total}, and the
     * failed statement's {@code error}. Rows are updated while their run goes on.
     */
    @Override
    public String createHistoryTable(HistoryTable table) {
        return "CREATE TABLE IF NOT EXISTS " + table.qualified() + " ("
                + "id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "revision varchar(32) NOT NULL, "
                + "direction varchar(10) NOT NULL, "
                + "checksum varchar(64), "
                + "message text, "
                + "applied_at timestamp(6) NOT NULL DEFAULT current_timestamp(6), "
                + "applied_by text NOT NULL, "
                + "duration_ms bigint NOT NULL, "
                + "retort_version text, "
                + "status varchar(10) NOT NULL DEFAULT 'done', "
                + "statements int NOT NULL DEFAULT 0, "
                + "total int NOT NULL DEFAULT 0, "
                + "error text) ENGINE = InnoDB";
    }

    @Override
    public String userAt(String host) {
        return "concat(current_user(), " + literal("@" + host) + ")";
    }

    @Override
    public Held lock(Connection connection, VersionTable table, Duration timeout, Consumer<String> waiting)
            throws SQLException {
        return MariaDbLock.acquire(connection, table, timeout, waiting);
    }

    /** Session settings, since MariaDB has no {@code SET LOCAL}; the run puts them back ({@link #settingsOfARun}). */
    @Override
    public List<String> migrationTimeouts(MigrationTimeouts timeouts, boolean undoStatement) {
        List<String> sql = new ArrayList<>();
        statementTimeouts(timeouts, "").forEach((name, value) -> sql.add(scriptSet(name, value)));
        if (timeouts.statement() == null && undoStatement) sql.add(scriptReset("max_statement_time"));
        return sql;
    }

    /**
     * {@code lock_wait_timeout} in whole seconds (the metadata locks DDL waits for; MariaDB takes no fraction, so a
     * part of a second counts as one; zero, for ever, is MariaDB's maximum, since its zero means no wait), and
     * {@code max_statement_time} in seconds (zero for no limit).
     */
    @Override
    public Map<String, String> statementTimeouts(MigrationTimeouts timeouts, String sql) {
        Map<String, String> settings = new LinkedHashMap<>();
        Duration ddl = timeouts.ddl();
        long seconds = ddl.isZero() ? FOR_EVER : Math.max(1, (ddl.toMillis() + 999) / 1000);
        settings.put("lock_wait_timeout", Long.toString(seconds));
        if (timeouts.statement() != null && server.mysql())
            throw new RetortException("lock.statement-timeout: MySQL has no time limit for a DDL statement"
                    + " (its max_execution_time limits a SELECT only); leave it unset on MySQL");
        if (timeouts.statement() != null) settings.put("max_statement_time", seconds(timeouts.statement()));
        return settings;
    }

    /** Seconds with milliseconds, a nonzero time of less than one rounded up to one (zero is no limit). */
    private static String seconds(Duration time) {
        if (time.isZero()) return "0";
        long ms = Math.max(1, time.toMillis());
        return ms / 1000 + "." + String.format("%03d", ms % 1000);
    }

    @Override
    public String set(Connection connection, String name, String value) throws SQLException {
        if (!SETTING.matcher(name).matches()) throw new IllegalArgumentException("not a session setting: " + name);
        String previous;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@SESSION." + name + " AS previous")) {
            rs.next();
            previous = rs.getString("previous");
        }
        if (value.equals("DEFAULT")) {
            try (Statement st = connection.createStatement()) {
                st.execute(scriptReset(name));
            }
            return previous;
        }
        try (PreparedStatement st = connection.prepareStatement("SET SESSION " + name + " = ?")) {
            if (value.matches("[0-9]+(\\.[0-9]+)?")) st.setBigDecimal(1, new BigDecimal(value));
            else st.setString(1, value);
            st.execute();
        }
        return previous;
    }

    @Override
    public String scriptSet(String name, String value) {
        return "SET SESSION " + name + " = " + (value.matches("[0-9]+(\\.[0-9]+)?") ? value : literal(value));
    }

    @Override
    public String scriptReset(String name) {
        return "SET SESSION " + name + " = DEFAULT";
    }

    @Override
    public String timeZoneSetting() {
        return "time_zone";
    }

    /** UTC as an offset, which needs no time zone tables; a named zone needs them loaded (mariadb-tzinfo-to-sql). */
    @Override
    public String timeZoneValue(String zone) {
        return zone.equals(MigrationTimeZone.DEFAULT) ? "+00:00" : zone;
    }

    @Override
    public String timeZoneSql(String zone) {
        return "SET time_zone = " + literal(timeZoneValue(zone));
    }

    @Override
    public List<String> settingsOfARun() {
        return server.mysql() ? List.of("lock_wait_timeout") : List.of("lock_wait_timeout", "max_statement_time");
    }

    /**
     * {@code sql_mode} without {@code NO_BACKSLASH_ESCAPES} when the session has it: the renderer writes a backslash
     * doubled ({@code MariaDbSql.text}), as MariaDB prints defaults and {@code ENUM} labels, so under that mode each
     * would be stored twice.
     */
    @Override
    public Map<String, String> literalSettings(Connection connection) throws SQLException {
        String mode;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode AS mode")) {
            rs.next();
            mode = rs.getString("mode");
        }
        List<String> flags = new ArrayList<>(List.of(mode == null || mode.isEmpty() ? new String[0] : mode.split(",")));
        if (!flags.remove(NO_BACKSLASH_ESCAPES)) return Map.of();
        return Map.of("sql_mode", String.join(",", flags));
    }

    /**
     * On MySQL, {@link MySqlExistence}; a statement MariaDB runs with {@code SET STATEMENT foreign_key_checks=0 FOR}
     * runs with the session's {@code foreign_key_checks} off, put back by {@link #afterRunning}.
     */
    @Override
    public String atRunTime(Connection connection, String sql) throws SQLException {
        if (!server.mysql()) return sql;
        if (sql.startsWith(BLOCK)) {
            // MySQL runs a compound statement only in a stored program: a procedure of the block, called, then dropped
            try (Statement st = connection.createStatement()) {
                st.execute("DROP PROCEDURE IF EXISTS " + RUN_PROCEDURE);
                st.execute("CREATE PROCEDURE " + RUN_PROCEDURE + "()\nBEGIN" + sql.substring(BLOCK.length()));
            }
            return "CALL " + RUN_PROCEDURE + "()";
        }
        if (MySqlExistence.WITHOUT_KEY_CHECKS.matcher(sql).find()) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET SESSION foreign_key_checks = 0");
            }
        }
        return MySqlExistence.resolve(connection, sql);
    }

    /** Puts the session's {@code foreign_key_checks} back on after a statement {@link #atRunTime} ran without them. */
    @Override
    public void afterRunning(Connection connection, String sql) throws SQLException {
        if (server.mysql() && sql.startsWith(BLOCK)) {
            try (Statement st = connection.createStatement()) {
                st.execute("DROP PROCEDURE IF EXISTS " + RUN_PROCEDURE);
            }
            return;
        }
        if (!server.mysql() || !MySqlExistence.WITHOUT_KEY_CHECKS.matcher(sql).find()) return;
        try (Statement st = connection.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = 1");
        }
    }

    /** The lost column-level checks, then the type changes under a foreign key ({@link KeyedTypeChanges}). */
    @Override
    public void refuseBeforeRunning(Connection connection, String revision, List<Op> operations) throws SQLException {
        if (server.mysql()) refuseOnMySql(revision, operations);
        if (server.mysql()) refuseWithoutRoutines(connection, revision, operations);
        // MySQL keeps every check as its table's, and a MODIFY keeps it
        if (!server.mysql()) refuseLostColumnChecks(connection, revision, operations);
        KeyedTypeChanges.refuse(connection, revision, operations, server.mysql());
    }

    /**
     * What MariaDB's renderer writes in a form MySQL cannot undo, refused before the first statement: the online primary
     * key ({@code Option.USING_INDEX}, built from a unique index made just before), since MySQL takes that unique index
     * for the table's key and refuses to drop it with {@code LOCK=NONE} (error 1846), which a run stopped between the
     * two would need. The online foreign key and the validations run: a block as a procedure ({@link #atRunTime}), the
     * checks off as the session's.
     */
    private static void refuseOnMySql(String revision, List<Op> operations) {
        for (Op op : operations) {
            if (op instanceof AddPrimaryKey key && key.options().contains(Option.USING_INDEX))
                throw new MigrationException(
                        revision,
                        "revision " + revision + ": the primary key of " + key.table() + " made from a unique index"
                                + " (Option.USING_INDEX) is MariaDB's online form, which MySQL cannot undo without"
                                + " copying the table (it takes the unique index for the table's key); add the key"
                                + " with op.addPrimaryKey, or by op.execute(\"ALTER TABLE ... ADD PRIMARY KEY (...),"
                                + " ALGORITHM=INPLACE, LOCK=NONE\")",
                        null);
        }
    }

    /**
     * On MySQL a validation runs as a procedure made just before it ({@link #atRunTime}): a user who may not make one
     * would see the migration stop at its validation, the statements before it committed, so it is refused before the
     * first statement, as a procedure made and dropped again says.
     */
    private static void refuseWithoutRoutines(Connection connection, String revision, List<Op> operations)
            throws SQLException {
        if (operations.stream().noneMatch(op -> op instanceof ValidateConstraint)) return;
        try (Statement st = connection.createStatement()) {
            st.execute("DROP PROCEDURE IF EXISTS " + RUN_PROCEDURE);
            st.execute("CREATE PROCEDURE " + RUN_PROCEDURE + "() BEGIN END");
            st.execute("DROP PROCEDURE " + RUN_PROCEDURE);
        } catch (SQLException e) {
            throw new MigrationException(
                    revision,
                    "revision " + revision + ": MySQL runs its validations (op.validateConstraint) as a procedure,"
                            + " which this user cannot make or drop here (" + Failures.oneLine(e.getMessage())
                            + "); grant CREATE ROUTINE and ALTER ROUTINE on the database, or generate the migration"
                            + " with safety = simple",
                    null);
        }
    }

    /**
     * MariaDB names a column-level check after its column ({@code js json}'s {@code json_valid}, a check Hibernate
     * wrote into the column) and drops it with any {@code MODIFY COLUMN} but one to {@code json}, which gets its
     * {@code json_valid} again: a migration that changes such a column otherwise and drops no check of that name
     * would lose it, so it is refused before its first statement.
     */
    private static void refuseLostColumnChecks(Connection connection, String revision, List<Op> operations)
            throws SQLException {
        // the live columns changed, by their names before the operations' renames, each to the migration's name
        Map<QualifiedName, Map<String, String>> altered = new LinkedHashMap<>();
        ForeignKeyTracker names = new ForeignKeyTracker(TableMatch.NAME, List.of());
        Set<String> dropped = new HashSet<>();
        for (Op op : operations) {
            // the checks read are the connection's database's, whose tables the operations name without a schema; a
            // change is matched to them under its table's name as the operation gives it (table renames are not
            // followed) and its column's name before the column renames
            if (op instanceof RenameColumn r && r.table().schema() == null) names.apply(r);
            // a column that stays json gets its json_valid again from MariaDB
            if (op instanceof AlterColumn a && !a.to().type().equalsIgnoreCase("json"))
                altered.computeIfAbsent(a.table(), t -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                        .put(names.columnAtStart(a.table(), a.columnName()), a.columnName());
            if (op instanceof DropCheck d && d.constraint().name() != null)
                dropped.add(d.table() + "." + lower(d.constraint().name()));
        }
        if (altered.isEmpty()) return;
        // one read of the database's column-level checks (named after their columns, or after what a renamed
        // column was called: then the table's SHOW CREATE TABLE says whose it is), whatever the tables
        record Read(QualifiedName table, String name, String clause, boolean renamed) {}
        List<Read> reads = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS name,"
                        + " k.CHECK_CLAUSE AS clause, NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS c"
                        + " WHERE c.TABLE_SCHEMA = k.CONSTRAINT_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME"
                        + " AND c.COLUMN_NAME = k.CONSTRAINT_NAME) AS renamed"
                        + " FROM information_schema.CHECK_CONSTRAINTS k"
                        + " WHERE k.CONSTRAINT_SCHEMA = DATABASE() AND k.LEVEL = 'Column'")) {
            while (rs.next())
                reads.add(new Read(
                        QualifiedName.of(rs.getString("table_name")),
                        rs.getString("name"),
                        rs.getString("clause"),
                        rs.getBoolean("renamed")));
        }
        Map<QualifiedName, String> createTables = new HashMap<>();
        for (Read read : reads) {
            QualifiedName table = read.table();
            if (!altered.containsKey(table)) continue;
            String column = read.name();
            if (read.renamed()) {
                String createTable = createTables.get(table);
                if (createTable == null) {
                    createTable = RenamedColumnChecks.createTable(connection, table.name());
                    createTables.put(table, createTable);
                }
                column = RenamedColumnChecks.owner(createTable, read.clause());
                if (column == null) continue;
            }
            // dropped by the migration under its own name, or its column's (as Retort reads a renamed column's)
            String changed = altered.get(table).get(column);
            if (changed == null
                    || dropped.contains(table + "." + lower(read.name()))
                    || dropped.contains(table + "." + lower(column))) continue;
            throw new MigrationException(
                    revision,
                    "revision " + revision + ": changing column " + table + "." + VisibleText.of(changed, false)
                            + " would drop its own check (MariaDB drops a column-level check, such as a json"
                            + " column's json_valid, with any MODIFY COLUMN); drop the check before the change and"
                            + " add it again after (op.dropCheck, op.addCheck), as revision --autogenerate writes it",
                    null);
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A block that stops the script in a session with {@code NO_BACKSLASH_ESCAPES}, before a statement with a backslash. */
    @Override
    public String literalGuard(String sql) {
        if (sql.indexOf('\\') < 0) return null;
        return String.join(
                "\n",
                "BEGIN NOT ATOMIC",
                "  IF @@SESSION.sql_mode LIKE '%" + NO_BACKSLASH_ESCAPES + "%' THEN",
                "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retort: this script writes a backslash in a string as two;"
                        + " run it where sql_mode has no " + NO_BACKSLASH_ESCAPES + "';",
                "  END IF;",
                "END");
    }

    @Override
    public String scriptUsage() {
        return "Apply with " + (server.mysql() ? "mysql" : "mariadb") + " --batch (it stops at the first error): every"
                + " statement commits on its own, each migration records its progress per statement in the history"
                + " table, and each block first checks the version table"
                + (server.mysql()
                        ? "; MySQL runs each block as a procedure the script makes, calls and drops"
                        : "; written for MariaDB (a jdbc:mysql: url writes MySQL's)");
    }

    /**
     * The script is UTF-8 text, and the client's character set its own default (the locale's, latin1 or utf8mb3 for
     * many): a comment or default beyond ASCII would be stored otherwise than online.
     */
    @Override
    public String scriptEncodingSql() {
        return "SET NAMES utf8mb4";
    }

    /** On MySQL, {@link MySqlExistence#script}; a block as it is, which {@link #scriptBlock} makes MySQL's. */
    @Override
    public List<String> inScript(String sql) {
        if (!server.mysql() || sql.startsWith(BLOCK)) return List.of(sql);
        return MySqlExistence.script(sql);
    }

    /**
     * On MySQL, which runs a compound statement only in a stored program: a procedure made (dropped first, should a
     * script that stopped in it have left it), called and dropped; the client's {@code DELIMITER} around its body.
     */
    @Override
    public String scriptBlock(String block) {
        if (!server.mysql()) return RunnerDialect.super.scriptBlock(block);
        if (!block.startsWith(BLOCK)) throw new IllegalArgumentException("not a block: " + block);
        return "DROP PROCEDURE IF EXISTS " + SCRIPT_PROCEDURE + ";\nDELIMITER $$\nCREATE PROCEDURE " + SCRIPT_PROCEDURE
                + "()\nBEGIN" + block.substring(BLOCK.length()) + "$$\nDELIMITER ;\nCALL " + SCRIPT_PROCEDURE
                + "();\nDROP PROCEDURE " + SCRIPT_PROCEDURE + ";\n";
    }

    /** A script's blocks are checked as the online run checks its statements, but for what needs the live catalog. */
    @Override
    public void refuseInScript(String revision, List<Op> operations) {
        if (server.mysql()) refuseOnMySql(revision, operations);
    }

    /** A script has no connection before it runs, so it reads what {@link #liveSql} keeps itself ({@link #scriptSql}). */
    @Override
    public String scriptNote() {
        if (server.mysql())
            return "A MODIFY COLUMN that could lose a column's character set, ON UPDATE, VIRTUAL or INVISIBLE, which the"
                    + " migration does not name, reads them from information_schema when it runs, as an online run does,"
                    + " and runs through PREPARE in a block; a statement MySQL has no IF EXISTS for is built when it"
                    + " runs from what its table has then";
        return "A MODIFY COLUMN that could lose a column's character set, ON UPDATE, VIRTUAL, INVISIBLE or COMPRESSED,"
                + " which the migration does"
                + " not name, reads them from information_schema when it runs, as an online run does, and runs through"
                + " EXECUTE IMMEDIATE in a BEGIN NOT ATOMIC block";
    }

    /**
     * A renderer whose {@code MODIFY COLUMN} keeps what the table's live columns have and the migration does not name
     * (collation, {@code ON UPDATE}, {@code VIRTUAL}), read from {@code information_schema} just before the statement.
     */
    @Override
    public SqlDialect liveSql(Connection connection, QualifiedName table) {
        return MariaDbSql.keeping(Map.of(table, LiveColumns.read(connection, table)));
    }

    /** A renderer whose {@code MODIFY COLUMN} reads what {@link #liveSql} keeps when the script runs. */
    @Override
    public SqlDialect scriptSql() {
        return MariaDbSql.readingAtRunTime(server);
    }

    /** None: the URL's database is the default schema. */
    @Override
    public String searchPathSql(String defaultSchema) {
        return null;
    }

    /** ER_LOCK_WAIT_TIMEOUT, for metadata and row locks alike. */
    @Override
    public boolean lockTimedOut(SQLException e) {
        return e.getErrorCode() == 1205;
    }

    /** ER_STATEMENT_TIMEOUT ({@code max_statement_time}), or ER_QUERY_INTERRUPTED ({@code KILL QUERY}). */
    @Override
    public boolean statementTimedOut(SQLException e) {
        return e.getErrorCode() == 1969 || e.getErrorCode() == 1317;
    }

    /** The connection's database, its one schema; a class path without jOOQ-meta is told in one line. */
    @Override
    public Schema catalog(Connection connection, List<String> schemas, Set<QualifiedName> leftOut) {
        try {
            // the reader names the tables of the connection's database without a schema, whatever the version schema
            // says
            Set<QualifiedName> names = new TreeSet<>();
            for (QualifiedName name : leftOut) names.add(QualifiedName.of(name.name()));
            return MariaDbIntrospector.read(connection).schema().withoutTables(names);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(
                    "reading a MariaDB catalog (the stairway) needs jOOQ-meta: add org.jooq:jooq-meta to the class"
                            + " path (" + e.getMessage() + " is missing)",
                    e);
        }
    }
}
