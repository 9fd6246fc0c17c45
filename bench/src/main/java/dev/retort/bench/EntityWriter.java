package dev.retort.bench;

import dev.retort.bench.Model.Column;
import dev.retort.bench.Model.Index;
import dev.retort.bench.Model.Table;
import dev.retort.bench.Model.Unique;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The JPA entity classes (Hibernate 7) of a {@link Model}, as Java source, one class per table. */
final class EntityWriter {
    static final String PACKAGE = "bench.model";

    private static final String IMPORTS = """
            import jakarta.persistence.Column;
            import jakarta.persistence.Entity;
            import jakarta.persistence.GeneratedValue;
            import jakarta.persistence.GenerationType;
            import jakarta.persistence.Id;
            import jakarta.persistence.Index;
            import jakarta.persistence.JoinColumn;
            import jakarta.persistence.ManyToOne;
            import jakarta.persistence.Table;
            import jakarta.persistence.UniqueConstraint;
            import java.math.BigDecimal;
            import java.time.LocalDate;
            import java.time.LocalDateTime;
            import java.util.UUID;
            import org.hibernate.Length;
            import org.hibernate.annotations.ColumnDefault;
            import org.hibernate.annotations.JdbcTypeCode;
            import org.hibernate.annotations.OnDelete;
            import org.hibernate.annotations.OnDeleteAction;
            import org.hibernate.type.SqlTypes;
            """;

    private EntityWriter() {}

    /** Writes the sources under {@code root} (as a source tree) and returns their paths. */
    static List<Path> write(Model model, Path root) throws IOException {
        Path directory = root.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (Table table : model.tables()) {
            Path file = directory.resolve(className(table.name()) + ".java");
            Files.writeString(file, source(table), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    static String className(String table) {
        StringBuilder name = new StringBuilder();
        for (String part : table.split("_"))
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return name.toString();
    }

    private static String source(Table table) {
        StringBuilder java = new StringBuilder("package " + PACKAGE + ";\n\n")
                .append(IMPORTS)
                .append("\n");
        java.append("/** Table ")
                .append(table.name())
                .append(". */\n@Entity\n@Table(name = ")
                .append(quoted(table.name()));
        if (!table.indexes().isEmpty()) {
            java.append(",\n        indexes = {")
                    .append(table.indexes().stream()
                            .map(EntityWriter::index)
                            .collect(Collectors.joining(",\n                ")))
                    .append("}");
        }
        if (!table.uniques().isEmpty()) {
            java.append(",\n        uniqueConstraints = {")
                    .append(table.uniques().stream().map(EntityWriter::unique).collect(Collectors.joining(", ")))
                    .append("}");
        }
        java.append(")\npublic class ").append(className(table.name())).append(" {\n");
        for (Column column : table.columns()) java.append(field(table, column));
        return java.append("}\n").toString();
    }

    private static String index(Index index) {
        if (index.where() != null)
            throw new IllegalArgumentException("index " + index.name() + ": JPA cannot declare a partial index");
        return "@Index(name = " + quoted(index.name()) + ", columnList = " + quoted(String.join(", ", index.keys()))
                + ")";
    }

    private static String unique(Unique unique) {
        return "@UniqueConstraint(name = " + quoted(unique.name()) + ", columnNames = {"
                + unique.columns().stream().map(EntityWriter::quoted).collect(Collectors.joining(", ")) + "})";
    }

    private static String field(Table table, Column column) {
        String annotations =
                column.defaultValue() == null ? "" : "    @ColumnDefault(" + quoted(column.defaultValue()) + ")\n";
        String attributes = "name = " + quoted(column.name());
        String javaType;
        switch (column.type()) {
            case ID -> {
                return "    @Id\n    @GeneratedValue(strategy = GenerationType.IDENTITY)\n    @Column(name = \"id\")\n    Long id;\n\n";
            }
            case REFERENCE -> {
                return reference(table, column);
            }
            case VARCHAR -> {
                javaType = "String";
                attributes += ", length = " + column.length();
            }
            case TEXT -> {
                javaType = "String";
                attributes += ", length = Length.LONG32";
            }
            case INTEGER -> javaType = "Integer";
            case NUMERIC -> {
                javaType = "BigDecimal";
                attributes += ", precision = " + column.precision() + ", scale = " + column.scale();
            }
            case BOOLEAN -> javaType = "Boolean";
            case TIMESTAMP -> javaType = "LocalDateTime";
            case DATE -> javaType = "LocalDate";
            case UUID -> javaType = "UUID";
            case JSONB -> {
                javaType = "String";
                annotations += "    @JdbcTypeCode(SqlTypes.JSON)\n";
            }
            default -> throw new AssertionError(column.type());
        }
        if (!column.nullable()) attributes += ", nullable = false";
        if (column.unique()) attributes += ", unique = true";
        return annotations + "    @Column(" + attributes + ")\n    " + javaType + " " + fieldName(column.name())
                + ";\n\n";
    }

    private static String reference(Table table, Column column) {
        Model.ForeignKey key = table.foreignKey();
        if (key == null || !key.column().equals(column.name())) {
            throw new IllegalArgumentException(
                    table.name() + "." + column.name() + ": a reference column needs its foreign key");
        }
        String onDelete = key.cascade() ? "    @OnDelete(action = OnDeleteAction.CASCADE)\n" : "";
        String optional = column.nullable() ? "" : "(optional = false)";
        return "    @ManyToOne" + optional + "\n    @JoinColumn(name = " + quoted(column.name()) + ")\n" + onDelete
                + "    " + className(key.target()) + " "
                + fieldName(column.name().replaceFirst("_id$", "")) + ";\n\n";
    }

    private static String fieldName(String column) {
        String camel = className(column);
        return camel.substring(0, 1).toLowerCase(Locale.ROOT) + camel.substring(1);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
