package dev.retort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A script's statements (each ending a line with {@code ;}, as {@link SqlWriter} writes them) cut into a chain of source-mode
 * migrations of about equal size, in order, each statement an {@code op.execute}: the history that
 * {@code check --dev} replays on a scratch database.
 */
final class ScriptMigrationWriter {
    static final String PACKAGE = "migrations";

    private ScriptMigrationWriter() {}

    static void write(String script, int count, Path directory) throws IOException {
        List<String> statements = statements(script);
        if (count > statements.size()) throw new IllegalArgumentException("fewer statements than migrations");
        Files.createDirectories(directory);
        for (int step = 1; step <= count; step++) {
            int from = (step - 1) * statements.size() / count;
            int to = step * statements.size() / count;
            Files.writeString(
                    directory.resolve("R" + id(step) + "_Script" + step + ".java"),
                    source(step, statements.subList(from, to)),
                    StandardCharsets.UTF_8);
        }
    }

    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : script.lines().toList()) {
            if (line.isBlank()) continue;
            statement.append(statement.length() == 0 ? "" : " ").append(line.strip());
            if (line.stripTrailing().endsWith(";")) {
                statements.add(statement.toString());
                statement.setLength(0);
            }
        }
        if (statement.length() > 0) statements.add(statement.toString());
        return statements;
    }

    private static String id(int step) {
        return String.format("c%011d", step);
    }

    private static String source(int step, List<String> statements) {
        StringBuilder upgrade = new StringBuilder();
        for (String sql : statements)
            upgrade.append("        op.execute(").append(literal(sql)).append(");\n");
        String revises = step == 1 ? "" : ", revises = \"" + id(step - 1) + "\"";
        return """
                package %s;

                @dev.retort.runtime.Revision(id = "%s"%s, message = "script %d")
                public final class R%s_Script%d implements dev.retort.runtime.Migration {
                    @Override
                    public void upgrade(dev.retort.runtime.Ops op) {
                %s    }

                    @Override
                    public void downgrade(dev.retort.runtime.Ops op) {
                        throw new UnsupportedOperationException("forward only");
                    }
                }
                """.formatted(PACKAGE, id(step), revises, step, id(step), step, upgrade);
    }

    private static String literal(String sql) {
        return "\"" + sql.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
