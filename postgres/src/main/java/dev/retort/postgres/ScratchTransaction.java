package dev.retort.postgres;

import dev.retort.op.CreateEnum;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateType;
import dev.retort.schema.CompositeType;
import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The transaction a round runs in: creates its scratch tables, reads back what PostgreSQL printed for them
 * ({@link PrintedForms}), and is rolled back.
 */
final class ScratchTransaction {
    private ScratchTransaction() {}

    /** What PostgreSQL printed for each table of {@code scratch}, with the connection left as it was. */
    static Map<Table, PrintedTable> printBack(Connection connection, Schema schema, ScratchTables scratch) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                Map<Table, ForeignCode.Found> foreign = execute(connection, st, schema, scratch);
                return PrintedForms.read(st, scratch, foreign);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw CatalogException.failed("reading check constraints and defaults back from PostgreSQL", e);
        }
    }

    /** Creates the scratch tables, after probing for foreign code; gives what {@link ForeignCode} found. */
    private static Map<Table, ForeignCode.Found> execute(
            Connection connection, Statement st, Schema schema, ScratchTables scratch) throws SQLException {
        st.execute("SET LOCAL jit = off");
        List<String> prelude = new ArrayList<>(missingTypesAndSequences(st, schema));
        prelude.add(CatalogPath.CATALOG_FIRST);
        Map<Table, ForeignCode.Found> foreign = ForeignCode.find(connection, st, scratch.own(), prelude);
        create(connection, st, prelude, !foreign.isEmpty(), scratch, foreign);
        return foreign;
    }

    /**
     * Creates the shared scratch tables and a temporary table per table that needs one, all in one round trip, after the
     * prelude (the missing enum types and sequences, the search path) unless {@link ForeignCode} already ran it (the path
     * is computed from the session's, so it runs once per transaction); when
     * PostgreSQL rejects something, again one table at a time, each with its own scratch table, to name the table at fault.
     */
    private static void create(
            Connection connection,
            Statement st,
            List<String> prelude,
            boolean preludeRan,
            ScratchTables scratch,
            Map<Table, ForeignCode.Found> foreign)
            throws SQLException {
        List<String> all = new ArrayList<>(preludeRan ? List.of() : prelude);
        all.addAll(scratch.sharedStatements());
        List<Table> own = scratch.own();
        for (int i = 0; i < own.size(); i++)
            all.addAll(ScratchTables.statements(ScratchTables.ownName(i), own.get(i), found(foreign, own.get(i))));
        try {
            st.execute(String.join(";\n", all));
        } catch (SQLException batch) {
            throw diagnosed(connection, st, prelude, scratch.involved(), foreign, batch);
        }
    }

    /** Names the table whose expressions PostgreSQL rejects, creating one table at a time; else gives the failure back. */
    private static SQLException diagnosed(
            Connection connection,
            Statement st,
            List<String> prelude,
            List<Table> involved,
            Map<Table, ForeignCode.Found> foreign,
            SQLException failure)
            throws SQLException {
        connection.rollback();
        st.execute("SET LOCAL jit = off");
        for (String sql : prelude) st.execute(sql);
        for (int i = 0; i < involved.size(); i++) {
            try {
                for (String sql : ScratchTables.statements(
                        ScratchTables.ownName(i), involved.get(i), found(foreign, involved.get(i)))) {
                    st.execute(sql);
                }
            } catch (SQLException e) {
                throw ExpressionCanonicalizer.rejected(involved.get(i), e);
            }
        }
        return failure;
    }

    private static ForeignCode.Found found(Map<Table, ForeignCode.Found> foreign, Table table) {
        return foreign.getOrDefault(table, ForeignCode.Found.NONE);
    }

    /**
     * The statements creating the enum types, composite types (after the enum types they may use) and
     * sequences the schema has and the database not yet, so columns can have those types and defaults
     * can call {@code nextval} on them (all rolled back).
     */
    private static List<String> missingTypesAndSequences(Statement st, Schema schema) throws SQLException {
        if (schema.enums().isEmpty()
                && schema.types().isEmpty()
                && schema.sequences().isEmpty()) return List.of();
        List<String> probes = new ArrayList<>();
        for (EnumType type : schema.enums()) probes.add(typeMissing(type.name()));
        for (CompositeType type : schema.types()) probes.add(typeMissing(type.name()));
        for (Sequence sequence : schema.sequences()) {
            probes.add(
                    "pg_catalog.to_regclass(" + PostgresSql.literal(PostgresSql.table(sequence.name())) + ") IS NULL");
        }
        List<String> statements = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT ARRAY[" + String.join(", ", probes) + "] AS missing")) {
            rs.next();
            Boolean[] missing = (Boolean[]) rs.getArray("missing").getArray();
            int k = 0;
            for (EnumType type : schema.enums())
                if (missing[k++]) statements.addAll(PostgresSql.statements(new CreateEnum(type)));
            for (CompositeType type : schema.types())
                if (missing[k++]) statements.addAll(PostgresSql.statements(new CreateType(type)));
            for (Sequence sequence : schema.sequences()) {
                if (missing[k++])
                    statements.addAll(PostgresSql.statements(new CreateSequence(sequence.withoutOwner())));
            }
        }
        return statements;
    }

    private static String typeMissing(QualifiedName type) {
        return "pg_catalog.to_regtype(" + PostgresSql.literal(PostgresSql.table(type)) + ") IS NULL";
    }
}
