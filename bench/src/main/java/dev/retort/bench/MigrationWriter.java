package dev.retort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A chain of small source-mode migrations: odd steps create a table of three columns, even steps
 * add a column and an index to the table the step before created.
 */
final class MigrationWriter {
    static final String PACKAGE = "migrations";

    private MigrationWriter() {}

    static void write(int count, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (int step = 1; step <= count; step++) {
            Files.writeString(
                    directory.resolve("R" + id(step) + "_Step" + step + ".java"), source(step), StandardCharsets.UTF_8);
        }
    }

    static String id(int step) {
        return String.format("b%011d", step);
    }

    private static String source(int step) {
        String table = String.format("m%04d", (step + 1) / 2);
        String upgrade;
        String downgrade;
        if (step % 2 == 1) {
            String columns =
                    "column(\"id\", \"bigint\").identityByDefault(), column(\"name\", \"varchar(100)\").notNull(), "
                            + "column(\"created_at\", \"timestamp(6)\").defaultValue(\"now()\").notNull(), primaryKey(\"id\")";
            upgrade = "op.createTable(\"" + table + "\", " + columns + ");";
            downgrade = "op.dropTable(\"" + table + "\", " + columns + ");";
        } else {
            upgrade = "op.addColumn(\"" + table + "\", column(\"note\", \"text\"));\n        op.createIndex(\"" + table
                    + "\", index(\"name\"));";
            downgrade = "op.dropIndex(\"" + table + "\", index(\"name\"));\n        op.dropColumn(\"" + table
                    + "\", column(\"note\", \"text\"));";
        }
        String revises = step == 1 ? "" : ",\n        revises = \"" + id(step - 1) + "\"";
        return """
                package %s;

                import static dev.retort.runtime.Ops.column;
                import static dev.retort.runtime.Ops.index;
                import static dev.retort.runtime.Ops.primaryKey;

                import dev.retort.runtime.Migration;
                import dev.retort.runtime.Ops;
                import dev.retort.runtime.Revision;

                /** Step %d. */
                @Revision(
                        id = "%s"%s,
                        message = "step %d"
                )
                public final class R%s_Step%d implements Migration {
                    @Override
                    public void upgrade(Ops op) {
                        %s
                    }

                    @Override
                    public void downgrade(Ops op) {
                        %s
                    }
                }
                """.formatted(PACKAGE, step, id(step), revises, step, id(step), step, upgrade, downgrade);
    }
}
