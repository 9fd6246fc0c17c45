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

/**
 * An Alembic project whose SQLAlchemy model ({@code models.py}) is the equivalent of the entities of
 * a {@link Model}: the same tables, columns, types, defaults, keys and indexes. Autogenerate compares
 * types and server defaults too, as Retort does.
 */
final class AlembicWriter {
    private AlembicWriter() {}

    /** Writes the project into {@code dir}: {@code alembic.ini}, {@code models.py} and the {@code alembic} script directory. */
    static void write(Model model, String url, Path dir) throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("alembic"));
        Files.createDirectories(scripts.resolve("versions"));
        Files.writeString(
                dir.resolve("alembic.ini"),
                "[alembic]\nscript_location = alembic\nsqlalchemy.url = " + url + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("models.py"), models(model), StandardCharsets.UTF_8);
        Files.writeString(scripts.resolve("env.py"), """
                import logging
                import os
                import sys

                from alembic import context
                from sqlalchemy import create_engine

                sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
                import models

                logging.basicConfig(level=logging.INFO, format="%(levelname)s [%(name)s] %(message)s")
                engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
                with engine.connect() as connection:
                    context.configure(connection=connection, target_metadata=models.metadata,
                                      compare_type=True, compare_server_default=True)
                    with context.begin_transaction():
                        context.run_migrations()
                """, StandardCharsets.UTF_8);
        Files.writeString(scripts.resolve("script.py.mako"), """
                \"""${message}\"""
                from alembic import op
                import sqlalchemy as sa
                ${imports if imports else ""}

                revision = ${repr(up_revision)}
                down_revision = ${repr(down_revision)}
                branch_labels = None
                depends_on = None


                def upgrade():
                    ${upgrades if upgrades else "pass"}


                def downgrade():
                    ${downgrades if downgrades else "pass"}
                """, StandardCharsets.UTF_8);
    }

    private static String models(Model model) {
        StringBuilder py = new StringBuilder("""
                from sqlalchemy import (BigInteger, Boolean, Column, Date, ForeignKey, Identity, Index, Integer, MetaData,
                                        Numeric, String, Table, Text, UniqueConstraint, text)
                from sqlalchemy.dialects.postgresql import JSONB, TIMESTAMP, UUID

                metadata = MetaData()

                """);
        for (Table table : model.tables()) {
            List<String> elements = new ArrayList<>();
            for (Column column : table.columns()) elements.add(column(table, column));
            for (Unique unique : table.uniques()) {
                elements.add("UniqueConstraint("
                        + String.join(
                                ", ",
                                unique.columns().stream()
                                        .map(AlembicWriter::quoted)
                                        .toList()) + ", name=" + quoted(unique.name()) + ")");
            }
            String variable = "t_" + table.name();
            py.append(variable)
                    .append(" = Table(")
                    .append(quoted(table.name()))
                    .append(", metadata,\n    ")
                    .append(String.join(",\n    ", elements))
                    .append(")\n");
            for (Index index : table.indexes()) {
                List<String> keys = new ArrayList<>();
                for (String key : index.keys()) {
                    boolean descending = key.endsWith(" DESC");
                    String name = descending ? key.substring(0, key.length() - " DESC".length()) : key;
                    keys.add(variable + ".c." + name + (descending ? ".desc()" : ""));
                }
                py.append("Index(")
                        .append(quoted(index.name()))
                        .append(", ")
                        .append(String.join(", ", keys))
                        .append(")\n");
            }
            py.append("\n");
        }
        return py.toString();
    }

    private static String column(Table table, Column column) {
        String type = switch (column.type()) {
            case ID, REFERENCE -> "BigInteger";
            case VARCHAR -> "String(" + column.length() + ")";
            case TEXT -> "Text";
            case INTEGER -> "Integer";
            case NUMERIC -> "Numeric(" + column.precision() + ", " + column.scale() + ")";
            case BOOLEAN -> "Boolean";
            case TIMESTAMP -> "TIMESTAMP(precision=6)";
            case DATE -> "Date";
            case UUID -> "UUID";
            case JSONB -> "JSONB";
        };
        StringBuilder py = new StringBuilder("Column(" + quoted(column.name()) + ", " + type);
        if (column.type() == Model.Type.REFERENCE) {
            Model.ForeignKey key = table.foreignKey();
            py.append(", ForeignKey(")
                    .append(quoted(key.target() + ".id"))
                    .append(", name=")
                    .append(quoted(key.name()))
                    .append(key.cascade() ? ", ondelete=\"CASCADE\"" : "")
                    .append(")");
        }
        if (column.type() == Model.Type.ID) py.append(", Identity(), primary_key=True");
        if (!column.nullable() && column.type() != Model.Type.ID) py.append(", nullable=False");
        if (column.unique()) py.append(", unique=True");
        if (column.defaultValue() != null)
            py.append(", server_default=text(")
                    .append(quoted(column.defaultValue()))
                    .append(")");
        return py.append(")").toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
