package dev.retort.mariadb;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a live table's columns have that a migration's {@code MODIFY COLUMN} would lose unless it wrote them: each
 * column's collation where it is not the table's default (so its character set too), its {@code ON UPDATE}
 * expression, whether a generated column is {@code VIRTUAL}, whether the column is {@code INVISIBLE}, and whether
 * its values are stored {@code COMPRESSED}. Read from {@code information_schema} just before
 * the statement runs ({@link #read}), for {@link MariaDbSql#keeping}. A script reads the same when it runs ({@link
 * ScriptColumns}).
 */
public record LiveColumns(
        Map<String, String> collations,
        Map<String, String> onUpdate,
        Set<String> virtualColumns,
        Set<String> invisibleColumns,
        Set<String> compressedColumns)
        implements KeptColumns {
    private static final String COLUMNS = """
            SELECT c.COLUMN_NAME AS column_name, c.COLLATION_NAME AS collation_name, c.EXTRA AS extra,
                   c.COLUMN_TYPE AS column_type,
                   c.IS_GENERATED AS is_generated, t.TABLE_COLLATION AS table_collation
            FROM information_schema.COLUMNS c
            JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
            WHERE c.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND c.TABLE_NAME = ?
            """;

    /** MySQL's {@code COLUMNS} has no {@code IS_GENERATED}: its {@code EXTRA} says so. */
    private static final String MYSQL_COLUMNS = COLUMNS.replace(
            "c.IS_GENERATED AS is_generated",
            "CASE WHEN c.EXTRA LIKE '%VIRTUAL GENERATED%' OR c.EXTRA LIKE '%STORED GENERATED%' THEN 'ALWAYS'"
                    + " ELSE 'NEVER' END AS is_generated");

    public LiveColumns {
        collations = Map.copyOf(new TreeMap<>(requireNonNull(collations, "collations")));
        onUpdate = Map.copyOf(new TreeMap<>(requireNonNull(onUpdate, "onUpdate")));
        virtualColumns = Set.copyOf(new TreeSet<>(requireNonNull(virtualColumns, "virtualColumns")));
        invisibleColumns = Set.copyOf(new TreeSet<>(requireNonNull(invisibleColumns, "invisibleColumns")));
        compressedColumns = Set.copyOf(new TreeSet<>(requireNonNull(compressedColumns, "compressedColumns")));
    }

    /** Without invisible or compressed columns. */
    public LiveColumns(Map<String, String> collations, Map<String, String> onUpdate, Set<String> virtualColumns) {
        this(collations, onUpdate, virtualColumns, Set.of(), Set.of());
    }

    @Override
    public String collate(QualifiedName table, String column) {
        String collation = collations.get(column);
        return collation == null ? "" : " COLLATE " + MariaDbSql.word(collation, "collation");
    }

    @Override
    public String onUpdate(QualifiedName table, String column) {
        String expression = onUpdate.get(column);
        return expression == null ? "" : ColumnSql.onUpdate(table, column, expression);
    }

    @Override
    public String storage(QualifiedName table, String column) {
        return virtualColumns.contains(column) ? "VIRTUAL" : "STORED";
    }

    @Override
    public String visibility(QualifiedName table, String column) {
        return invisibleColumns.contains(column) ? " INVISIBLE" : "";
    }

    @Override
    public String compression(QualifiedName table, String column) {
        return compressedColumns.contains(column) ? " COMPRESSED" : "";
    }

    /** Nothing: an online run refuses such a migration before its first statement. */
    @Override
    public String ownCheck(QualifiedName table, String column) {
        return "";
    }

    /** The live columns of one table (of the connection's database unless the name has a schema); none when it is missing. */
    public static LiveColumns read(Connection connection, QualifiedName table) {
        Map<String, String> collations = new HashMap<>();
        Map<String, String> onUpdate = new HashMap<>();
        Set<String> virtual = new HashSet<>();
        Set<String> invisible = new HashSet<>();
        Set<String> compressed = new HashSet<>();
        try (PreparedStatement statement =
                connection.prepareStatement(MariaDbServer.isMySql(connection) ? MYSQL_COLUMNS : COLUMNS)) {
            statement.setString(1, table.schema());
            statement.setString(2, table.name());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString("column_name");
                    String collation = rs.getString("collation_name");
                    if (collation != null && !collation.equals(rs.getString("table_collation")))
                        collations.put(column, collation);
                    String extra = rs.getString("extra");
                    String update = CatalogColumns.onUpdate(extra);
                    if (update != null) onUpdate.put(column, update);
                    boolean generated = "ALWAYS".equals(rs.getString("is_generated"));
                    if (generated
                            && extra != null
                            && extra.toLowerCase(Locale.ROOT).contains("virtual")) virtual.add(column);
                    if (CatalogColumns.invisible(extra)) invisible.add(column);
                    if (CatalogColumns.compressed(rs.getString("column_type"))) compressed.add(column);
                }
            }
        } catch (SQLException e) {
            throw MariaDbCatalogException.failed("reading the live columns of table " + table, e);
        }
        return new LiveColumns(collations, onUpdate, virtual, invisible, compressed);
    }
}
