package dev.retort.mariadb;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The foreign keys (with their {@code ON DELETE} and {@code ON UPDATE} actions, which jOOQ-meta 3.19's
 * {@code ForeignKeyDefinition} does not carry) and check constraints of every table of a database,
 * one {@code information_schema} query each. MariaDB prints a check back in its own canonical form, so
 * that form is the check's canonical one; a column-level check ({@code CHECK} in a column's
 * definition, and the {@code json_valid} check of a {@code JSON} column) is named after its column. {@code
 * RESTRICT} and {@code NO ACTION} are one action on MariaDB (both checked at once), read as {@code NO ACTION}.
 */
final class CatalogConstraints {
    /** A key's columns, in key order; MariaDB joins two information_schema tables slowly, so its actions come apart. */
    private static final String FOREIGN_KEY_COLUMNS = """
            SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS constraint_name, k.COLUMN_NAME AS column_name,
                   k.REFERENCED_TABLE_SCHEMA AS referenced_schema, k.REFERENCED_TABLE_NAME AS referenced_table,
                   k.REFERENCED_COLUMN_NAME AS referenced_column
            FROM information_schema.KEY_COLUMN_USAGE k
            WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
            ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION
            """;

    private static final String FOREIGN_KEY_ACTIONS = """
            SELECT r.TABLE_NAME AS table_name, r.CONSTRAINT_NAME AS constraint_name, r.UPDATE_RULE AS update_rule,
                   r.DELETE_RULE AS delete_rule
            FROM information_schema.REFERENTIAL_CONSTRAINTS r
            WHERE r.CONSTRAINT_SCHEMA = ?
            """;

    private static final String CHECKS = """
            SELECT c.TABLE_NAME AS table_name, c.CONSTRAINT_NAME AS constraint_name, c.CHECK_CLAUSE AS check_clause,
                   c.LEVEL AS level
            FROM information_schema.CHECK_CONSTRAINTS c
            WHERE c.CONSTRAINT_SCHEMA = ?
            ORDER BY c.TABLE_NAME, c.CONSTRAINT_NAME
            """;

    /**
     * MySQL's checks: its {@code CHECK_CONSTRAINTS} names no table (a check's name is unique in its database there)
     * and has no {@code LEVEL}, for MySQL keeps a column's check as the table's, named {@code <table>_chk_<n>}.
     */
    private static final String MYSQL_CHECKS = """
            SELECT t.TABLE_NAME AS table_name, c.CONSTRAINT_NAME AS constraint_name, c.CHECK_CLAUSE AS check_clause,
                   'Table' AS level
            FROM information_schema.CHECK_CONSTRAINTS c
            JOIN information_schema.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA
                 AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND t.CONSTRAINT_TYPE = 'CHECK'
            WHERE c.CONSTRAINT_SCHEMA = ?
            ORDER BY t.TABLE_NAME, c.CONSTRAINT_NAME
            """;

    private CatalogConstraints() {}

    /** The foreign keys by table; a key referencing a table of the same database names it without a schema. */
    static Map<String, List<ForeignKey>> foreignKeys(Connection connection, String database) throws SQLException {
        record Part(String table, String name, String column, QualifiedName referenced, String referencedColumn) {}
        Map<String, Map<String, List<Part>>> parts = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(FOREIGN_KEY_COLUMNS)) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString("referenced_schema");
                    Part part = new Part(
                            rs.getString("table_name"),
                            rs.getString("constraint_name"),
                            rs.getString("column_name"),
                            new QualifiedName(
                                    database.equals(schema) ? null : schema, rs.getString("referenced_table")),
                            rs.getString("referenced_column"));
                    parts.computeIfAbsent(part.table(), t -> new LinkedHashMap<>())
                            .computeIfAbsent(part.name(), n -> new ArrayList<>())
                            .add(part);
                }
            }
        }
        // by table, then constraint name: {delete rule, update rule}
        Map<String, Map<String, String[]>> actions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(FOREIGN_KEY_ACTIONS)) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    actions.computeIfAbsent(rs.getString("table_name"), t -> new HashMap<>())
                            .put(
                                    rs.getString("constraint_name"),
                                    new String[] {rs.getString("delete_rule"), rs.getString("update_rule")});
                }
            }
        }
        Map<String, List<ForeignKey>> keys = new LinkedHashMap<>();
        parts.forEach((table, named) -> named.forEach((name, columns) -> {
            Part first = columns.get(0);
            String[] rules =
                    actions.getOrDefault(table, Map.of()).getOrDefault(name, new String[] {"RESTRICT", "RESTRICT"});
            ForeignKey key = new ForeignKey(
                    name,
                    columns.stream().map(Part::column).toList(),
                    first.referenced(),
                    columns.stream().map(Part::referencedColumn).toList(),
                    action(rules[0]),
                    action(rules[1]),
                    false,
                    false,
                    true);
            keys.computeIfAbsent(table, t -> new ArrayList<>()).add(key);
        }));
        return keys;
    }

    /**
     * The check constraints by table, and by table the names of the column-level ones ({@code c int CHECK (c > 0)},
     * as Hibernate writes a column's check: MariaDB names one after its column and drops it only with the column's
     * {@code MODIFY} or {@code DROP}).
     */
    record Checks(Map<String, List<CheckConstraint>> byTable, Map<String, Set<String>> columnLevel) {}

    static Checks checks(Connection connection, String database, MariaDbServer.Kind server) throws SQLException {
        Map<String, List<CheckConstraint>> checks = new LinkedHashMap<>();
        Map<String, Set<String>> columnLevel = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(server.mysql() ? MYSQL_CHECKS : CHECKS)) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String clause = CatalogColumns.expression(server, rs.getString("check_clause"));
                    String table = rs.getString("table_name");
                    String name = rs.getString("constraint_name");
                    checks.computeIfAbsent(table, t -> new ArrayList<>())
                            .add(new CheckConstraint(name, clause, clause, true, true));
                    if ("Column".equalsIgnoreCase(rs.getString("level")))
                        columnLevel.computeIfAbsent(table, t -> new TreeSet<>()).add(name);
                }
            }
        }
        return new Checks(checks, columnLevel);
    }

    /**
     * {@code checks} with each column-level check whose name is no column of its table (a column renamed since: see
     * {@link RenamedColumnChecks}) read under the name of the column that holds it, as the rest are; a check whose
     * column is not found, or whose column's name another check of the table has, stays as it is.
     */
    static Checks underTheirColumns(Connection connection, Checks checks, Map<String, Set<String>> columnsByTable)
            throws SQLException {
        Map<String, List<CheckConstraint>> byTable = new LinkedHashMap<>(checks.byTable());
        Map<String, Set<String>> columnLevel = new LinkedHashMap<>(checks.columnLevel());
        for (Map.Entry<String, Set<String>> entry : checks.columnLevel().entrySet()) {
            String table = entry.getKey();
            Set<String> columns = lowerCase(columnsByTable.getOrDefault(table, Set.of()));
            String createTable = null;
            for (String name : entry.getValue()) {
                if (columns.contains(name.toLowerCase(Locale.ROOT))) continue;
                if (createTable == null) createTable = RenamedColumnChecks.createTable(connection, table);
                List<CheckConstraint> tableChecks = new ArrayList<>(byTable.get(table));
                int at = 0;
                while (!tableChecks.get(at).name().equals(name)) at++;
                CheckConstraint check = tableChecks.get(at);
                String owner = RenamedColumnChecks.owner(createTable, check.expression());
                if (owner == null) continue;
                Set<String> taken = lowerCase(
                        tableChecks.stream().map(CheckConstraint::name).collect(Collectors.toSet()));
                if (taken.contains(owner.toLowerCase(Locale.ROOT))) continue;
                tableChecks.set(at, new CheckConstraint(owner, check.expression(), check.canonical(), true, true));
                byTable.put(table, tableChecks);
                Set<String> names = new TreeSet<>(columnLevel.get(table));
                names.remove(name);
                names.add(owner);
                columnLevel.put(table, names);
            }
        }
        return new Checks(byTable, columnLevel);
    }

    private static Set<String> lowerCase(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static ForeignKey.Action action(String rule) {
        return switch (rule) {
            case "CASCADE" -> ForeignKey.Action.CASCADE;
            case "SET NULL" -> ForeignKey.Action.SET_NULL;
            case "SET DEFAULT" -> ForeignKey.Action.SET_DEFAULT;
            // InnoDB checks NO ACTION at once, as RESTRICT (its default, shown for a key declared without an action)
            default -> ForeignKey.Action.NO_ACTION;
        };
    }
}
