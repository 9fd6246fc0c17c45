package dev.retort.adversarial;

import dev.retort.cli.Cli;
import java.util.Locale;

/** Hand-written migration classes in a project's {@code migrations} folder, in package {@code adv}. */
final class Migrations {
    private Migrations() {}

    /**
     * Writes class {@code name} for revision {@code id} after {@code parent} (null for a base);
     * {@code attributes} are extra {@code @Revision} attributes, the bodies are Java statements on {@code op}.
     */
    static void write(
            Cli cli, String name, String id, String parent, String attributes, String upgrade, String downgrade) {
        String revises = parent == null ? "" : ", revises = \"" + parent + "\"";
        cli.write("migrations/" + name + ".java", """
                package adv;
                @dev.retort.runtime.Revision(id = "%s"%s, message = "%s"%s)
                public final class %s implements dev.retort.runtime.Migration {
                    public void upgrade(dev.retort.runtime.Ops op) {
                        %s
                    }
                    public void downgrade(dev.retort.runtime.Ops op) {
                        %s
                    }
                }
                """.formatted(
                        id, revises, name.toLowerCase(Locale.ROOT), attributes, name, upgrade, downgrade));
    }

    /** A migration whose bodies are SQL statements run with {@code op.execute}. */
    static void sql(Cli cli, String name, String id, String parent, String upgradeSql, String downgradeSql) {
        write(cli, name, id, parent, "", execute(upgradeSql), execute(downgradeSql));
    }

    private static String execute(String sql) {
        StringBuilder body = new StringBuilder();
        for (String statement : sql.split(";\\s*")) {
            if (!statement.isBlank())
                body.append("op.execute(\"")
                        .append(statement.replace("\"", "\\\""))
                        .append("\");\n");
        }
        return body.toString();
    }
}
