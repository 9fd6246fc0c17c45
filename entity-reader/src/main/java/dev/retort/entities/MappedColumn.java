package dev.retort.entities;

import dev.retort.VisibleText;
import dev.retort.mariadb.MariaDbTypes;
import dev.retort.schema.QualifiedName;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.type.SqlTypes;

/** One column as Hibernate maps it, in plain values: its name as the database folds it, SQL as Hibernate writes it. */
record MappedColumn(Column column, Metadata metadata) {
    /** PostgreSQL's system columns, present in every table and never in the catalog's column list. */
    private static final Set<String> SYSTEM_COLUMNS = Set.of("tableoid", "xmin", "cmin", "xmax", "cmax", "ctid");

    /** The column's name as the database folds it ({@link HibernateMapping#folds}). */
    String name() {
        return HibernateMapping.folds(metadata) && !column.isQuoted()
                ? column.getName().toLowerCase(Locale.ROOT)
                : column.getName();
    }

    /** Whether it is one of PostgreSQL's system columns (xmin mapped as an optimistic-lock version, ctid, ...). */
    boolean system() {
        return HibernateMapping.folds(metadata) && SYSTEM_COLUMNS.contains(name());
    }

    /** The {@code serial} pseudo-types of a {@code columnDefinition}, by the integer type PostgreSQL stores them as. */
    private static final Map<String, String> SERIALS = Map.of(
            "serial", "integer",
            "serial4", "integer",
            "bigserial", "bigint",
            "serial8", "bigint",
            "smallserial", "smallint",
            "serial2", "smallint");

    /** The type as Hibernate's DDL writes it for the dialect, on MariaDB as MariaDB stores it ({@link MariaDbTypes}). */
    String type() {
        String written = column.getSqlType(metadata);
        return HibernateMapping.folds(metadata) ? written : MariaDbTypes.normalize(written);
    }

    /** What {@code @Column(options = ...)} may say that Retort models: the column constraints a definition holds. */
    private static final Pattern MODELLED_OPTIONS = Pattern.compile(
            "(?i)(default|not\\s+null|null|check|collate|generated|constraint|unique|primary|references)[\\s(].*",
            Pattern.DOTALL);

    /**
     * The type with JPA 3.2's {@code @Column(options = ...)} after it, as Hibernate's DDL appends them: a whole
     * definition, which PostgreSQL takes apart as it does a {@code columnDefinition}'s.
     */
    String typeWithOptions(QualifiedName table) {
        String options = LineCalls.columnOptions(column);
        if (options == null || options.isBlank()) return type();
        if (!MODELLED_OPTIONS.matcher(options.strip() + " ").matches())
            throw new EntityException("table " + table + ", column " + name() + ": @Column(options = \""
                    + VisibleText.of(options.strip(), false) + "\") is none of a default, NOT NULL, check, collation,"
                    + " generation or constraint, which is all Retort can model there");
        return type() + " " + options.strip();
    }

    /**
     * The integer type of a column whose {@code columnDefinition} is one of the {@code serial}
     * pseudo-types, which PostgreSQL stores as that type with an owned sequence; null for any other.
     */
    String serialType() {
        if (!HibernateMapping.folds(metadata)) return null; // PostgreSQL's pseudo-types
        return identity() ? null : SERIALS.get(type().strip().toLowerCase(Locale.ROOT));
    }

    boolean nullable() {
        return column.isNullable();
    }

    boolean identity() {
        return column.isIdentity();
    }

    /** The default as Hibernate writes it, or null. */
    String defaultValue() {
        return column.getDefaultValue();
    }

    /** The generation expression as Hibernate writes it, or null for a plain column. */
    String generatedAs() {
        return column.getGeneratedAs();
    }

    String comment() {
        return column.getComment();
    }

    /** A {@code @Collate} name as PostgreSQL's catalog prints it: bare when it is a plain lower-case word, else quoted. */
    String collation() {
        String name = column.getCollation();
        if (name == null || name.isBlank()) return null;
        String bare = name.strip();
        if (bare.length() > 1 && bare.startsWith("\"") && bare.endsWith("\""))
            bare = bare.substring(1, bare.length() - 1).replace("\"\"", "\"");
        return bare.matches("[a-z_][a-z0-9_$]*") ? bare : "\"" + bare.replace("\"", "\"\"") + "\"";
    }

    /**
     * The name of the enum type of a {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} column over a Java
     * enum, as Hibernate creates it; null for any other column.
     */
    String enumType() {
        return enumClass() == null ? null : type().toLowerCase(Locale.ROOT);
    }

    /** The labels of {@link #enumType}: the Java enum's constants, sorted by name. */
    List<String> enumLabels() {
        return Arrays.stream(enumClass().getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .sorted()
                .toList();
    }

    private Class<?> enumClass() {
        // MariaDB's enum is a column type, spelled in the column's type
        if (!HibernateMapping.folds(metadata)
                || LineCalls.sqlTypeCode(column, metadata) != SqlTypes.NAMED_ENUM
                || !(column.getValue() instanceof BasicValue value)) return null;
        Class<?> javaType = value.resolve().getDomainJavaType().getJavaTypeClass();
        return javaType.isEnum() ? javaType : null;
    }
}
