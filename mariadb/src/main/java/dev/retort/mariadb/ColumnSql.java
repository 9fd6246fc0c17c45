package dev.retort.mariadb;

import static dev.retort.mariadb.MariaDbSql.expression;
import static dev.retort.mariadb.MariaDbSql.quoted;
import static dev.retort.mariadb.MariaDbSql.refused;
import static dev.retort.mariadb.MariaDbSql.text;
import static dev.retort.mariadb.MariaDbSql.word;

import dev.retort.op.AlterColumn;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnOptions;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's full MariaDB definition, as {@code CREATE TABLE}, {@code ADD COLUMN} and {@code MODIFY
 * COLUMN} write it: {@code MODIFY} replaces the whole definition, so everything the column has (type,
 * collation, generation, nullability, default, {@code ON UPDATE}, {@code AUTO_INCREMENT}, comment) is
 * written every time. Types go back from the model's spellings ({@link MariaDbTypes#normalize}'s) to
 * MariaDB's.
 */
final class ColumnSql {
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)(.*)");

    /** The PostgreSQL types MariaDB has no type for. */
    private static final Set<String> POSTGRES_ONLY = Set.of(
            "timestamptz",
            "timetz",
            "jsonb",
            "bytea",
            "interval",
            "money",
            "cidr",
            "macaddr",
            "macaddr8",
            "tsvector",
            "tsquery",
            "varbit",
            "serial",
            "bigserial",
            "smallserial",
            "xml",
            "oid",
            "regclass",
            "hstore",
            "citext",
            "point",
            "polygon",
            "box",
            "circle",
            "line",
            "lseg",
            "path");

    /** The types a collation belongs to, as {@link MariaDbTypes#normalize} spells them. */
    private static final Set<String> TEXT =
            Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set");

    /** {@code current_timestamp()} and {@code current_timestamp(3)}, as MariaDB prints ON UPDATE. */
    private static final Pattern ON_UPDATE = Pattern.compile("current_timestamp(\\(\\d?\\))?");

    private ColumnSql() {}

    /** The types MariaDB stores {@code COMPRESSED}, as {@link MariaDbTypes#normalize} spells them. */
    private static final Set<String> COMPRESSIBLE = Set.of(
            "varchar",
            "tinytext",
            "text",
            "mediumtext",
            "longtext",
            "varbinary",
            "tinyblob",
            "blob",
            "mediumblob",
            "longblob");

    /**
     * A column's definition: what its {@link ColumnOptions} state ({@code ON UPDATE}, {@code VIRTUAL}, {@code
     * INVISIBLE}, {@code COMPRESSED}, as a migration written from a dropped column has them), or else what the details
     * say of it.
     */
    static String definition(QualifiedName table, Column column, TableDetails details) {
        ColumnOptions stated = column.options();
        String onUpdate = stated.onUpdate() != null
                ? stated.onUpdate()
                : details == null ? null : details.onUpdate().get(column.name());
        boolean virtual =
                stated.virtual() || details != null && details.virtualColumns().contains(column.name());
        boolean invisible = stated.invisible()
                || details != null && details.invisibleColumns().contains(column.name());
        boolean compressed = stated.compressed()
                || details != null && details.compressedColumns().contains(column.name());
        if (stated.compressed() && !COMPRESSIBLE.contains(base(column)))
            throw refused("COMPRESSED on a column of type " + column.sqlType() + " (column " + table + "."
                    + column.name() + "): MariaDB compresses only the string and binary types");
        return definition(
                table,
                column,
                "",
                onUpdate == null || column.generated() != null ? "" : onUpdate(table, column.name(), onUpdate),
                virtual ? "VIRTUAL" : "STORED",
                invisible ? " INVISIBLE" : "",
                compressed && COMPRESSIBLE.contains(base(column)) ? " COMPRESSED" : "");
    }

    /**
     * The definition of a column of {@code table}, with its own check ({@code CHECK (...)} in the definition) when
     * the details say it has one: a column-level check, as a {@code json} column's {@code json_valid} or one
     * Hibernate wrote into the column, which any {@code MODIFY} without it would drop.
     */
    static String definitionWithItsCheck(Table table, Column column, TableDetails details) {
        String definition = definition(table.name(), column, details);
        for (CheckConstraint check : table.checks())
            if (ownCheck(table, check, details) != null && check.name().equals(column.name()))
                return definition + " CHECK (" + expression(check.expression(), "the check on " + table.name()) + ")";
        return definition;
    }

    /** The column whose own check {@code check} is, by the details (it is named after it), or null. */
    static String ownCheck(Table table, CheckConstraint check, TableDetails details) {
        if (details == null || check.name() == null || !details.columnChecks().contains(check.name())) return null;
        return table.column(check.name()).isPresent() ? check.name() : null;
    }

    private static String base(Column column) {
        return MariaDbTypes.normalize(column.type()).replaceAll("[( ].*", "");
    }

    /**
     * A changed column's new definition: the migration's, with what the live column has and the migration does not
     * name ({@code kept}, when known): its collation while the migration names none on either side and the column
     * stays text, its {@code ON UPDATE} while it stays a {@code timestamp} or {@code datetime}, {@code VIRTUAL} while
     * it stays generated, {@code INVISIBLE} always, {@code COMPRESSED} while it stays a type MariaDB compresses. What
     * the new column's {@link ColumnOptions} state, and the details a renderer was given ({@link MariaDbSql#of}), win.
     */
    static String modified(QualifiedName table, AlterColumn op, TableDetails details, KeptColumns kept) {
        Column column = op.to();
        String name = column.name();
        ColumnOptions stated = column.options();
        String onUpdate = stated.onUpdate() != null
                ? stated.onUpdate()
                : details == null ? null : details.onUpdate().get(name);
        boolean virtual =
                stated.virtual() || details != null && details.virtualColumns().contains(name);
        String collate = "";
        String onUpdateClause = onUpdate == null || column.generated() != null ? "" : onUpdate(table, name, onUpdate);
        String storage = virtual ? "VIRTUAL" : "STORED";
        String visibility = stated.invisible()
                        || details != null && details.invisibleColumns().contains(name)
                ? " INVISIBLE"
                : "";
        String base = base(column);
        String compression = (stated.compressed()
                                || details != null
                                        && details.compressedColumns().contains(name))
                        && COMPRESSIBLE.contains(base)
                ? " COMPRESSED"
                : "";
        String ownCheckGuard = "";
        if (kept != null) {
            if (column.collation() == null && op.from().collation() == null && TEXT.contains(base))
                collate = kept.collate(table, name);
            if (onUpdate == null && column.generated() == null && (base.equals("timestamp") || base.equals("datetime")))
                onUpdateClause = kept.onUpdate(table, name);
            if (column.generated() != null && !virtual) storage = kept.storage(table, name);
            if (visibility.isEmpty()) visibility = kept.visibility(table, name);
            if (compression.isEmpty() && COMPRESSIBLE.contains(base)) compression = kept.compression(table, name);
            // a column that stays json gets its json_valid again from MariaDB
            if (!column.type().equalsIgnoreCase("json")) ownCheckGuard = kept.ownCheck(table, name);
        }
        return definition(table, column, collate, onUpdateClause, storage, visibility + ownCheckGuard, compression);
    }

    /** {@code ON UPDATE} with its expression, which must be {@code current_timestamp} (MariaDB allows no other). */
    static String onUpdate(QualifiedName table, String column, String expression) {
        if (!ON_UPDATE.matcher(expression).matches())
            throw new IllegalArgumentException(
                    "column " + table + "." + column + ": ON UPDATE " + expression + " is not current_timestamp");
        return " ON UPDATE " + expression;
    }

    /**
     * The definition with the pieces that may come from the live column: {@code collate} after the type when the
     * column names no collation, {@code onUpdate} after the default, {@code storage} ({@code VIRTUAL} or {@code
     * STORED}) after a generation expression.
     */
    private static String definition(
            QualifiedName table,
            Column column,
            String collate,
            String onUpdate,
            String storage,
            String visibility,
            String compression) {
        StringBuilder sql = new StringBuilder(quoted(column.name()))
                .append(' ')
                .append(type(table, column))
                .append(compression);
        if (column.collation() != null) sql.append(" COLLATE ").append(word(column.collation(), "collation"));
        else sql.append(collate);
        if (column.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (")
                    .append(expression(
                            column.generated().expression(), "the generation expression of " + where(table, column)))
                    .append(") ")
                    .append(storage);
        } else {
            sql.append(column.nullable() ? " NULL" : " NOT NULL");
            if (column.defaultValue() != null)
                sql.append(" DEFAULT ")
                        .append(MariaDbSql.defaultExpression(
                                column.defaultValue().expression(), "the default of " + where(table, column)));
            sql.append(onUpdate);
            if (column.identity() == Identity.ALWAYS)
                throw refused("identity columns that refuse given values, GENERATED ALWAYS (" + where(table, column)
                        + "): AUTO_INCREMENT takes given values");
            if (column.identity() != Identity.NONE) {
                if (!column.identityOptions().isDefault())
                    throw refused("identity options on a column (" + where(table, column)
                            + "): AUTO_INCREMENT has none but the table's next value");
                sql.append(" AUTO_INCREMENT");
            }
        }
        sql.append(visibility);
        if (column.comment() != null) sql.append(" COMMENT ").append(text(column.comment()));
        return sql.toString();
    }

    /** The model's type in MariaDB's spelling: {@code boolean} is {@code tinyint(1)}, {@code real} {@code float}, ... */
    static String type(QualifiedName table, Column column) {
        String type = column.type();
        if (type.indexOf('\'') >= 0) return expression(type, "the type of " + where(table, column));
        if (type.endsWith("[]")) throw refused("array types (" + where(table, column) + ": " + type + ")");
        String base = type.replaceAll("[( ].*", "");
        if (POSTGRES_ONLY.contains(base)) throw refused("type " + type + " (" + where(table, column) + ")");
        Matcher numeric = NUMERIC.matcher(type);
        if (numeric.matches()) return "decimal(" + numeric.group(1) + "," + numeric.group(2) + ")" + numeric.group(3);
        if (type.equals("boolean")) return "tinyint(1)";
        if (type.equals("integer")) return "int";
        if (type.startsWith("real")) return "float" + type.substring("real".length());
        if (type.startsWith("double precision")) return "double" + type.substring("double precision".length());
        if (!type.matches("[a-z0-9_(), ]+"))
            throw new IllegalArgumentException(
                    where(table, column) + ": type " + expression(type, "a type") + " is not a MariaDB type");
        return type;
    }

    private static String where(QualifiedName table, Column column) {
        return "column " + table + "." + column.name();
    }
}
