package dev.retort.mariadb;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.Identity;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An entity model's defaults, checks and generation expressions as MariaDB prints them back, so that they compare
 * with what {@link MariaDbIntrospector} reads: MariaDB has no transactional DDL, so each table with any of them is
 * created (its columns, defaults, generation expressions and checks, nothing else) in a scratch database {@code
 * retort_scratch_...} on the connection's server, read back from {@code information_schema}, and the database is
 * dropped in a {@code finally}. Tables of the same shape (the same columns, types, defaults, generations and checks,
 * as the scratch DDL spells them) share one scratch table: MariaDB prints the same DDL the same way, and creating a
 * table (an InnoDB file each) is the cost, 10 to 30 ms apiece. Nothing is evaluated beyond what {@code CREATE TABLE} does; every name is quoted.
 */
public final class MariaDbCanonicalizer {
    /** The scratch databases' prefix, the one {@code retort} sweeps on every server it makes them on. */
    public static final String SCRATCH_PREFIX = "retort_scratch_";

    /** The scratch names of a table's checks, {@code retort_check_<i>}: a column's own checks are named after it. */
    private static final String CHECK = "retort_check_";

    private static final String DEFAULTS = """
            SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.COLUMN_DEFAULT AS column_default,
                   c.GENERATION_EXPRESSION AS generation_expression, c.COLUMN_TYPE AS column_type,
                   c.IS_NULLABLE AS is_nullable, c.COLLATION_NAME AS collation_name, c.EXTRA AS extra,
                   t.TABLE_COLLATION AS table_collation
            FROM information_schema.COLUMNS c
            JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
            WHERE c.TABLE_SCHEMA = ?
            """;

    /** The name MySQL gives an unnamed check of a scratch table: {@code t3_chk_1}. */
    private static final Pattern MYSQL_INLINE_CHECK = Pattern.compile("t\\d+_chk_\\d+");

    private MariaDbCanonicalizer() {}

    /** The model with each default, check and generation expression in MariaDB's printed form. */
    public static Schema canonicalize(Connection connection, Schema model) {
        List<Integer> printed = new ArrayList<>();
        for (int i = 0; i < model.tables().size(); i++)
            if (hasExpressions(model.tables().get(i))) printed.add(i);
        if (printed.isEmpty()) return model;
        String doing = "printing the entities' defaults and checks in a scratch database";
        try (Statement statement = connection.createStatement()) {
            // held, so that a concurrent run's sweep leaves it alone and the next one drops it if this one is killed
            String database = MariaDbScratchDatabases.createHeld(connection, SCRATCH_PREFIX);
            doing = doing + " " + database;
            MariaDbServer.Kind server = MariaDbServer.kind(connection);
            boolean mysql = server.mysql();
            try {
                // tables of the same columns, defaults and checks print the same: one scratch table for each such shape
                Map<String, String> scratchOfShape = new HashMap<>();
                Map<Integer, String> scratch = new HashMap<>();
                for (int i : printed) {
                    Table table = model.tables().get(i);
                    String shape = shape(table, CHECK);
                    String name = scratchOfShape.get(shape);
                    if (name == null) {
                        name = "t" + i;
                        scratchOfShape.put(shape, name);
                        // MySQL's check names are the database's, not the table's: each scratch table's carry its name
                        // and MySQL takes a default's function call in parentheses only
                        String ddl = mysql ? MySqlDefaults.statement(shape(table, name + "_" + CHECK)) : shape;
                        try {
                            statement.execute("CREATE TABLE " + quote(database) + "." + quote(name) + " " + ddl);
                        } catch (SQLException e) {
                            throw MariaDbCatalogException.failed(doing + " (table " + table.name() + ")", e);
                        }
                    }
                    scratch.put(i, name);
                }
                return rewrite(model, readBack(connection, database, server), scratch);
            } finally {
                MariaDbScratchDatabases.release(connection, database);
            }
        } catch (SQLException e) {
            throw MariaDbCatalogException.failed(doing, e);
        }
    }

    private static boolean hasExpressions(Table table) {
        return !table.checks().isEmpty()
                || table.columns().stream()
                        .anyMatch(c -> c.defaultValue() != null || c.generated() != null || takenApart(c));
    }

    /**
     * Whether MariaDB takes the column's type apart, so that its type, collation, default and column check are read
     * back: a whole definition, or {@code json}, MariaDB's alias of {@code longtext} in {@code utf8mb4_bin} with a
     * {@code json_valid} check named after the column (what Hibernate writes for {@code SqlTypes.JSON}).
     */
    private static boolean takenApart(Column column) {
        return isDefinition(column) || column.sqlType().strip().equalsIgnoreCase("json");
    }

    /** What a column definition may hold after its type: Hibernate's DDL writes a {@code columnDefinition} whole. */
    private static final Pattern DEFINITION = Pattern.compile(
            "(?is)[a-z ]+(\\([0-9, ]*\\))?( (unsigned|signed|zerofill))*\\s+(not\\s+null|null|default|check"
                    + "|collate|generated|as|constraint|unique|primary|references|auto_increment|comment|invisible"
                    + "|character\\s+set|charset)\\b.*");

    /**
     * Whether the column's type is a whole definition ({@code @Column(columnDefinition = "integer not null check
     * (data > 0)")}), which MariaDB takes apart: its type, nullability, default and column check read back.
     */
    static boolean isDefinition(Column column) {
        return DEFINITION.matcher(column.sqlType().strip()).matches();
    }

    /**
     * What follows a scratch table's name: every column (checks may name any), its default or generation, and the
     * checks as {@code retort_check_<i>}.
     */
    private static String shape(Table table, String checkPrefix) {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            StringBuilder part = new StringBuilder(quote(column.name()) + " " + ddlType(column.sqlType()));
            if (isDefinition(column)) {
                // the definition says it all
            } else if (column.generated() != null) {
                part.append(" AS (").append(column.generated().expression()).append(")");
            } else if (column.defaultValue() != null && column.identity() == Identity.NONE) {
                part.append(" DEFAULT ")
                        .append(MariaDbSql.defaultExpression(
                                column.defaultValue().expression()));
            }
            parts.add(part.toString());
        }
        for (int i = 0; i < table.checks().size(); i++)
            parts.add("CONSTRAINT " + quote(checkPrefix + i) + " CHECK ("
                    + table.checks().get(i).expression() + ")");
        return "(" + String.join(", ", parts) + ")";
    }

    /**
     * The model's type names in MariaDB's DDL: its {@code REAL} is a {@code DOUBLE}, so the model's four-byte
     * {@code real} is {@code FLOAT}; the other model spellings ({@code character varying(n)}, {@code numeric(p,s)},
     * {@code boolean}, {@code integer}) MariaDB takes as they are.
     */
    private static String ddlType(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("real")) return "FLOAT" + type.substring(4);
        if (lower.startsWith("double precision")) return "DOUBLE" + type.substring("double precision".length());
        return type;
    }

    /** What MariaDB printed, by scratch table: its columns' defaults and generation expressions, its checks by name. */
    private record Printed(
            Map<String, String> defaults,
            Map<String, String> generated,
            Map<String, String> types,
            Map<String, Boolean> nullable,
            Map<String, String> collations,
            Map<String, String> checks) {
        Printed() {
            this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        }
    }

    private static Map<String, Printed> readBack(Connection connection, String database, MariaDbServer.Kind server)
            throws SQLException {
        Map<String, Printed> printed = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(DEFAULTS)) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Printed table = printed.computeIfAbsent(rs.getString("table_name"), t -> new Printed());
                    String column = rs.getString("column_name").toLowerCase(Locale.ROOT);
                    table.defaults()
                            .put(
                                    column,
                                    CatalogColumns.stored(
                                            server,
                                            rs.getString("column_default"),
                                            rs.getString("extra"),
                                            rs.getString("column_type")));
                    // MySQL's GENERATION_EXPRESSION is '' for a column that is not generated, MariaDB's NULL
                    String generation = rs.getString("generation_expression");
                    table.generated()
                            .put(
                                    column,
                                    generation == null || generation.isEmpty()
                                            ? null
                                            : CatalogColumns.expression(server, generation));
                    table.types().put(column, rs.getString("column_type"));
                    table.nullable().put(column, "YES".equals(rs.getString("is_nullable")));
                    // a collation of the column's own, as the introspector reads it: not the table's default
                    String collation = rs.getString("collation_name");
                    if (collation != null && !collation.equals(rs.getString("table_collation")))
                        table.collations().put(column, collation);
                }
            }
        }
        // the checks as the introspector reads them (MySQL's through TABLE_CONSTRAINTS, its clauses as SQL)
        CatalogConstraints.checks(connection, database, server).byTable().forEach((table, checks) -> {
            for (CheckConstraint check : checks) {
                String name = check.name().toLowerCase(Locale.ROOT);
                // a MySQL scratch table's checks carry its name (t3_retort_check_0), or MySQL's (t3_chk_1)
                if (server.mysql() && name.startsWith(table + "_" + CHECK)) name = name.substring(table.length() + 1);
                printed.computeIfAbsent(table, t -> new Printed()).checks().put(name, check.expression());
            }
        });
        return printed;
    }

    private static Schema rewrite(Schema model, Map<String, Printed> printed, Map<Integer, String> scratch) {
        List<Table> tables = new ArrayList<>(model.tables().size());
        for (int i = 0; i < model.tables().size(); i++) {
            Table table = model.tables().get(i);
            String name = scratch.get(i);
            Printed forms = name == null ? null : printed.get(name);
            tables.add(forms == null ? table : rewrite(table, forms));
        }
        return model.with(tables, model.sequences(), model.enums());
    }

    private static Table rewrite(Table table, Printed forms) {
        List<Column> columns = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (Column column : table.columns()) {
            String name = column.name().toLowerCase(Locale.ROOT);
            if (takenApart(column)) {
                column = definition(column, forms);
                String check = forms.checks().get(name);
                if (check != null) checks.add(new CheckConstraint(null, check, check, true, true));
            } else if (column.generated() != null) {
                column = column.withGenerated(new ColumnDefault(
                        column.generated().expression(), forms.generated().get(name)));
            } else if (column.defaultValue() != null && column.identity() == Identity.NONE) {
                String stored = forms.defaults().get(name);
                // DEFAULT NULL is no default, as the introspector reads it
                column = stored == null || stored.equalsIgnoreCase("NULL")
                        ? column.withDefault(null)
                        : column.withDefault(
                                new ColumnDefault(column.defaultValue().expression(), stored));
            }
            columns.add(column);
        }
        // MySQL keeps a definition's inline check as the table's, named <table>_chk_<n>
        forms.checks().forEach((name, clause) -> {
            if (MYSQL_INLINE_CHECK.matcher(name).matches())
                checks.add(new CheckConstraint(null, clause, clause, true, true));
        });
        for (int i = 0; i < table.checks().size(); i++) {
            CheckConstraint check = table.checks().get(i);
            String clause = forms.checks().get(CHECK + i);
            checks.add(clause == null ? check : check.withCanonical(clause));
        }
        return table.withColumns(columns).withChecks(checks);
    }

    /**
     * A column whose type MariaDB took apart ({@link #takenApart}): its type, nullability, default and, unless the
     * model names one, its own collation.
     */
    private static Column definition(Column column, Printed forms) {
        String name = column.name().toLowerCase(Locale.ROOT);
        Column taken = Column.of(
                        column.name(), MariaDbTypes.normalize(forms.types().get(name)))
                .withNullable(forms.nullable().get(name) && column.nullable())
                .withIdentity(column.identity())
                .comment(column.comment());
        if (column.collation() != null) taken = taken.collate(column.collation());
        else if (forms.collations().containsKey(name))
            taken = taken.collate(forms.collations().get(name));
        String stored = forms.defaults().get(name);
        String generated = forms.generated().get(name);
        if (generated != null) return taken.withGenerated(new ColumnDefault(generated, generated));
        if (stored == null || stored.equalsIgnoreCase("NULL")) return taken;
        return taken.withDefault(new ColumnDefault(stored, stored));
    }

    /** An identifier in backticks, each backtick doubled. */
    static String quote(String identifier) {
        return CatalogSequences.quote(identifier);
    }
}
