package dev.retort.runtime.sql;

import static dev.retort.runtime.sql.PostgresSql.literal;
import static dev.retort.runtime.sql.PostgresSql.quote;
import static dev.retort.runtime.sql.PostgresSql.table;

import dev.retort.op.AlterEnum;
import dev.retort.schema.EnumType;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The statements that change an enum type's labels. */
final class EnumSql {
    private static final String OLD_SUFFIX = "__retort_old";

    private EnumSql() {}

    static List<String> alter(AlterEnum op) {
        return op.from().onlyAddsTo(op.to()) ? addValues(op.from(), op.to()) : rebuild(op.to());
    }

    /** {@code ADD VALUE} for each new label, placed before the next label the type already has, or after the last. */
    private static List<String> addValues(EnumType from, EnumType to) {
        List<String> statements = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>(from.values());
        List<String> target = to.values();
        for (int i = 0; i < target.size(); i++) {
            String label = target.get(i);
            if (known.contains(label)) continue;
            String position = "";
            for (int j = i + 1; j < target.size(); j++) {
                if (known.contains(target.get(j))) {
                    position = " BEFORE " + literal(target.get(j));
                    break;
                }
            }
            if (position.isEmpty() && i > 0) position = " AFTER " + literal(target.get(i - 1));
            // IF NOT EXISTS: run outside a transaction, a label may already be there when a migration is run again after a failure
            statements.add("ALTER TYPE " + table(to.name()) + " ADD VALUE IF NOT EXISTS " + literal(label) + position);
            known.add(label);
        }
        return statements;
    }

    /**
     * The type under a new name, a new type with the labels, every column converted through text
     * (its default dropped and set again), and the old type dropped.
     */
    private static List<String> rebuild(EnumType to) {
        String oldName = to.name().name() + OLD_SUFFIX;
        String old = table(new TableName(to.name().schema(), oldName));
        String type = table(to.name()).replace("%", "%%");
        String body = String.join("\n", "DECLARE r record; d text;",
                "BEGIN",
                "  FOR r IN SELECT n.nspname, c.relname, a.attname, a.attnum, c.oid AS rel FROM pg_attribute a",
                "           JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace",
                "           WHERE a.atttypid = " + literal(old) + "::regtype AND NOT a.attisdropped AND c.relkind IN ('r', 'p') LOOP",
                "    SELECT pg_get_expr(adbin, adrelid) INTO d FROM pg_attrdef WHERE adrelid = r.rel AND adnum = r.attnum;",
                "    IF d IS NOT NULL THEN",
                "      EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I DROP DEFAULT', r.nspname, r.relname, r.attname);",
                "    END IF;",
                "    EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE " + type.replace("'", "''") + " USING %I::text::"
                        + type.replace("'", "''") + "', r.nspname, r.relname, r.attname, r.attname);",
                "    IF d IS NOT NULL THEN",
                "      EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT %s', r.nspname, r.relname, r.attname, replace(d, "
                        + literal(oldName) + ", " + literal(to.name().name()) + "));",
                "    END IF;",
                "  END LOOP;",
                "END");
        return List.of("ALTER TYPE " + table(to.name()) + " RENAME TO " + quote(oldName), PostgresSql.createEnum(to), dollarQuoted("DO ", body),
                "DROP TYPE " + old);
    }

    /** {@code DO $retort$ body $retort$}, with a tag the body (which holds type names) does not contain. */
    private static String dollarQuoted(String command, String body) {
        String tag = "$retort$";
        for (int n = 1; body.contains(tag); n++) tag = "$retort" + n + "$";
        return command + tag + "\n" + body + "\n" + tag;
    }
}
