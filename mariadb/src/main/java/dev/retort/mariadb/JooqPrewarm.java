package dev.retort.mariadb;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockExecuteContext;
import org.jooq.tools.jdbc.MockResult;

/**
 * Runs jOOQ-meta's part of the catalog read ({@link JooqCatalog}) once against jOOQ's own
 * {@link MockConnection}, which reaches no server: it answers jOOQ-meta's queries with one made-up
 * table that has a primary key and a unique key. jOOQ's first use (initialising jOOQ and jOOQ-meta,
 * building and rendering their queries, binding, fetching and mapping the rows) is most of a cold
 * catalog read of a small database, and none of it needs the server.
 *
 * <p>The launcher's training run ({@code dev.retort.cli.startup.Warmup}) runs it, so that the class-data
 * archive holds jOOQ's and jOOQ-meta's classes and lambdas; a failure here is ignored. Measured gain, with
 * the MariaDB driver's classes loaded in the same training run: introspection alone of 100 tables ~0.71 to
 * ~0.31 s and {@code check} ~1.18 to ~0.86 s on the benchmark machine. Switch: the archive's,
 * {@code RETORT_STARTUP_CDS=off}. Run on a background thread beside the reader's own queries as well, it
 * gained nothing measurable (jOOQ's class initialisation, about 80 ms of it, is serial and contends with the
 * driver's), so it is not.
 */
public final class JooqPrewarm {
    /** The database the warm-up asks about; no server sees the name. */
    static final String DATABASE = "retort_warmup";

    static final String TABLE = "warmup";

    private JooqPrewarm() {}

    /** Reads the mocked catalog; whether jOOQ-meta read the made-up table and its keys. */
    public static boolean run() {
        try {
            DSLContext dsl = DSL.using(SQLDialect.MARIADB);
            JooqCatalog catalog = JooqCatalog.read(
                    new MockConnection(context -> answer(dsl, context)), DATABASE, MariaDbServer.Kind.MARIADB);
            return catalog.relations.containsKey(TABLE)
                    && catalog.primaryKeys.containsKey(TABLE)
                    && catalog.uniqueKeys.containsKey(TABLE);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** jOOQ-meta's queries, told apart by the catalog table and the key they read. */
    private static MockResult[] answer(DSLContext dsl, MockExecuteContext context) {
        String sql = context.sql();
        Result<Record> rows;
        if (sql.contains("information_schema.SCHEMATA")) {
            rows = rows(dsl, List.of("SCHEMA_NAME"), List.of(DATABASE));
        } else if (sql.contains("information_schema.TABLES")) {
            rows = rows(
                    dsl,
                    List.of("TABLE_SCHEMA", "TABLE_NAME", "TABLE_COMMENT", "table_type"),
                    List.of(DATABASE, TABLE, "made up", "TABLE"));
        } else if (sql.contains("information_schema.STATISTICS")) {
            boolean primary = sql.contains("= 'PRIMARY'");
            rows = rows(
                    dsl,
                    List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "INDEX_NAME", "COLUMN_NAME", "SEQ_IN_INDEX"),
                    List.of("def", DATABASE, TABLE, primary ? "PRIMARY" : "warmup_key", primary ? "id" : "code", 1));
        } else {
            rows = rows(dsl, List.of("one"), List.of(1));
        }
        return new MockResult[] {new MockResult(rows.size(), rows)};
    }

    /** One row of these values, each column typed as its value. */
    private static Result<Record> rows(DSLContext dsl, List<String> names, List<Object> values) {
        Field<?>[] fields = new Field<?>[names.size()];
        for (int i = 0; i < fields.length; i++)
            fields[i] = DSL.field(DSL.name(names.get(i)), values.get(i).getClass());
        Result<Record> rows = dsl.newResult(fields);
        Record row = dsl.newRecord(fields);
        row.fromArray(values.toArray());
        rows.add(row);
        return rows;
    }
}
