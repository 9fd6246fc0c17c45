package dev.retort.mariadb;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.Identity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of every table of a database in one {@code information_schema.COLUMNS} query, with
 * what jOOQ-meta's column reader loses: the full {@code COLUMN_TYPE} ({@code unsigned}, {@code zerofill},
 * the labels of {@code enum} and {@code set}), {@code EXTRA} ({@code auto_increment}, {@code on update
 * ...}, virtual or stored generation) and the collation.
 *
 * <p>{@code COLUMN_DEFAULT} holds, since MariaDB 10.2.7, SQL NULL for a column without a default, the
 * text {@code NULL} for {@code DEFAULT NULL}, a quoted literal for a string ({@code 'NULL'} for the
 * four letters) and the expression otherwise ({@code current_timestamp()}, {@code 0}); {@code DEFAULT
 * NULL} is no default in the model, as a NULL constant is on PostgreSQL. A {@code COMPRESSED NOT NULL} column's
 * {@code ''} is none either: MariaDB gives one without a default that, so none and {@code ''} are the same there;
 * so is the zero date of a {@code NOT NULL} {@code datetime} or {@code timestamp} with {@code ON UPDATE}, which
 * MariaDB gives such a column without a default (an entity's column keeping the database's {@code ON UPDATE}).
 */
final class CatalogColumns {
    private static final String COLUMNS = """
            SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.COLUMN_TYPE AS column_type,
                   c.IS_NULLABLE AS is_nullable, c.COLUMN_DEFAULT AS column_default, c.EXTRA AS extra,
                   c.COLLATION_NAME AS collation_name, c.COLUMN_COMMENT AS column_comment,
                   c.IS_GENERATED AS is_generated, c.GENERATION_EXPRESSION AS generation_expression
            FROM information_schema.COLUMNS c
            WHERE c.TABLE_SCHEMA = ?
            ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
            """;

    /** MySQL's {@code information_schema.COLUMNS} has no {@code IS_GENERATED}: its {@code EXTRA} says so. */
    private static final String MYSQL_COLUMNS = COLUMNS.replace(
            "c.IS_GENERATED AS is_generated",
            "CASE WHEN c.EXTRA LIKE '%VIRTUAL GENERATED%' OR c.EXTRA LIKE '%STORED GENERATED%' THEN 'ALWAYS'"
                    + " ELSE 'NEVER' END AS is_generated");

    /** The types whose constant defaults MySQL shows as MariaDB does, unquoted: numbers, bits and years. */
    private static final Pattern UNQUOTED = Pattern.compile(
            "(?i)(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|bit|year|bool"
                    + "|boolean)\\b.*");

    private static final Pattern ZERO_DATE = Pattern.compile("'0000-00-00 00:00:00(\\.0+)?'");

    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("(?i)current_timestamp(?:\\((\\d*)\\))?");

    private static final Pattern ON_UPDATE = Pattern.compile("on update ([^,\\s]+)", Pattern.CASE_INSENSITIVE);

    /** {@code text /*M!100301 COMPRESSED*}{@code /}: how {@code COLUMN_TYPE} marks a compressed column. */
    private static final Pattern COMPRESSED =
            Pattern.compile("\\s*/\\*M!\\d+ COMPRESSED(=\\w+)?\\*/", Pattern.CASE_INSENSITIVE);

    /** A column as read, with the MariaDB details the model has no field for. */
    record Read(
            Column column, String onUpdate, boolean virtual, String collation, boolean invisible, boolean compressed) {}

    private CatalogColumns() {}

    /** The columns by table, each table's in physical order. */
    static Map<String, List<Read>> read(Connection connection, String database, MariaDbServer.Kind server)
            throws SQLException {
        Map<String, List<Read>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(server.mysql() ? MYSQL_COLUMNS : COLUMNS)) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString("table_name"), t -> new ArrayList<>())
                            .add(column(rs, server));
                }
            }
        }
        return columns;
    }

    private static Read column(ResultSet rs, MariaDbServer.Kind server) throws SQLException {
        String extra = rs.getString("extra");
        String lowerExtra = extra == null ? "" : extra.toLowerCase(Locale.ROOT);
        String type = rs.getString("column_type");
        boolean compressed = compressed(type);
        if (compressed) type = COMPRESSED.matcher(type).replaceAll("");
        Column column = Column.of(rs.getString("column_name"), MariaDbTypes.normalize(type))
                .withNullable("YES".equals(rs.getString("is_nullable")))
                .comment(rs.getString("column_comment"));
        boolean generated = "ALWAYS".equals(rs.getString("is_generated"));
        if (lowerExtra.contains("auto_increment")) {
            column = column.withIdentity(Identity.BY_DEFAULT);
        } else if (generated) {
            column = column.generatedAs(expression(server, rs.getString("generation_expression")));
        } else {
            String stored = stored(server, rs.getString("column_default"), extra, type);
            // MariaDB gives a COMPRESSED NOT NULL column without a default DEFAULT '' (it stores no "none" for one),
            // and a NOT NULL datetime or timestamp with ON UPDATE the zero date
            boolean implicit = !column.nullable()
                    && (compressed && "''".equals(stored)
                            || onUpdate(extra) != null
                                    && stored != null
                                    && ZERO_DATE.matcher(stored).matches());
            if (stored != null && !stored.equalsIgnoreCase("NULL") && !implicit)
                column = column.withDefault(ColumnDefault.of(stored));
        }
        return new Read(
                column,
                onUpdate(extra),
                generated && lowerExtra.contains("virtual"),
                rs.getString("collation_name"),
                invisible(extra),
                compressed);
    }

    /**
     * A column's {@code COLUMN_DEFAULT} as MariaDB shows it: MySQL shows a constant unquoted ({@code it's} for
     * {@code 'it''s'}; SQL NULL for none and for {@code DEFAULT NULL}, {@code NULL} for the four letters), and an
     * expression as MariaDB does, marked {@code DEFAULT_GENERATED} in {@code EXTRA}; MariaDB's is taken as it is.
     */
    static String stored(MariaDbServer.Kind server, String columnDefault, String extra, String columnType) {
        if (!server.mysql() || columnDefault == null) return columnDefault;
        if (extra != null && extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED"))
            return currentTimestamp(expression(server, columnDefault));
        if (UNQUOTED.matcher(columnType.strip()).matches()) return columnDefault;
        if (columnDefault.startsWith("0x")
                && columnType.toLowerCase(Locale.ROOT).contains("binary")) return columnDefault;
        return "'" + columnDefault.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * An expression as {@code information_schema} prints it, as SQL: MySQL prints a default's, a generated column's and
     * a check's with each quote and backslash escaped by a backslash ({@code concat(_utf8mb4\'a\')}), which is no SQL
     * (its {@code SHOW CREATE TABLE} has {@code concat(_utf8mb4'a')}); MariaDB prints them as SQL.
     */
    static String expression(MariaDbServer.Kind server, String printed) {
        if (!server.mysql() || printed == null || printed.indexOf('\\') < 0) return printed;
        StringBuilder sql = new StringBuilder(printed.length());
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            if (c == '\\'
                    && i + 1 < printed.length()
                    && (printed.charAt(i + 1) == '\'' || printed.charAt(i + 1) == '\\')) c = printed.charAt(++i);
            sql.append(c);
        }
        return sql.toString();
    }

    /** Whether {@code EXTRA} marks the column {@code INVISIBLE} (left out of {@code SELECT *}). */
    static boolean invisible(String extra) {
        return extra != null && extra.toLowerCase(Locale.ROOT).contains("invisible");
    }

    /** Whether {@code COLUMN_TYPE} marks the column's values stored compressed. */
    static boolean compressed(String columnType) {
        return columnType != null && COMPRESSED.matcher(columnType).find();
    }

    /**
     * The {@code ON UPDATE} expression {@code EXTRA} names ({@code current_timestamp()}, lower case, as MariaDB spells it;
     * MySQL's {@code CURRENT_TIMESTAMP} too), or null.
     */
    static String onUpdate(String extra) {
        Matcher onUpdate = ON_UPDATE.matcher(extra == null ? "" : extra);
        return onUpdate.find() ? currentTimestamp(onUpdate.group(1)) : null;
    }

    /**
     * An expression as MariaDB spells it when it is {@code CURRENT_TIMESTAMP}, which MySQL shows in capitals and without
     * parentheses ({@code CURRENT_TIMESTAMP}, {@code CURRENT_TIMESTAMP(3)}): {@code current_timestamp()}, {@code
     * current_timestamp(3)}; any other as it is.
     */
    static String currentTimestamp(String expression) {
        Matcher now = CURRENT_TIMESTAMP.matcher(expression);
        if (!now.matches()) return expression;
        return "current_timestamp(" + (now.group(1) == null ? "" : now.group(1)) + ")";
    }
}
