package dev.retort.postgres;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.quote;
import static dev.retort.postgres.PostgresSql.table;

import dev.retort.op.AddEnumCasts;
import dev.retort.op.AlterEnum;
import dev.retort.op.CreateEnum;
import dev.retort.op.DropEnum;
import dev.retort.op.DropEnumCasts;
import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The statements that create and drop enum types and change their labels. */
final class EnumSql {
    private static final String OLD_SUFFIX = "__retort_old";

    private EnumSql() {}

    static List<String> create(CreateEnum op) {
        return List.of(createStatement(op.type()));
    }

    static List<String> drop(DropEnum op) {
        return List.of("DROP TYPE " + table(op.type().name()));
    }

    static List<String> addCasts(AddEnumCasts op) {
        return casts(op.type(), op.casts(), "CREATE CAST (%s AS %s) WITH INOUT AS IMPLICIT");
    }

    static List<String> dropCasts(DropEnumCasts op) {
        return casts(op.type(), op.casts(), "DROP CAST (%s AS %s)");
    }

    /** One statement per cast, from varchar first: the pattern given the source and the target. */
    private static List<String> casts(QualifiedName type, Set<EnumType.Cast> casts, String pattern) {
        List<String> statements = new ArrayList<>();
        String name = table(type);
        for (EnumType.Cast cast : EnumType.Cast.values()) {
            if (!casts.contains(cast)) continue;
            statements.add(
                    cast == EnumType.Cast.FROM_VARCHAR
                            ? String.format(pattern, "varchar", name)
                            : String.format(pattern, name, "varchar"));
        }
        return statements;
    }

    private static String createStatement(EnumType type) {
        return "CREATE TYPE " + table(type.name()) + " AS ENUM ("
                + type.values().stream().map(PostgresSql::literal).collect(Collectors.joining(", ")) + ")";
    }

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
            // IF NOT EXISTS: run outside a transaction, a label may already be there when a migration is run again
            // after a failure
            statements.add("ALTER TYPE " + table(to.name()) + " ADD VALUE IF NOT EXISTS " + literal(label) + position);
            known.add(label);
        }
        return statements;
    }

    /**
     * The type under a new name, a new type with the labels, every column converted through text
     * (its default dropped and set again, unless it names a removed label: then it stays dropped),
     * and the old type dropped.
     */
    private static List<String> rebuild(EnumType to) {
        String oldName = asideName(to.name().name());
        String old = table(new QualifiedName(to.name().schema(), oldName));
        String type = table(to.name()).replace("%", "%%");
        String body = String.join(
                "\n",
                "DECLARE r record; d text;",
                "BEGIN",
                "  FOR r IN SELECT n.nspname, c.relname, a.attname, a.attnum, c.oid AS rel FROM pg_catalog.pg_attribute a",
                "           JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace",
                "           WHERE a.atttypid = " + literal(old)
                        + "::regtype AND NOT a.attisdropped AND c.relkind IN ('r', 'p') LOOP",
                "    SELECT pg_catalog.pg_get_expr(adbin, adrelid) INTO d FROM pg_catalog.pg_attrdef WHERE adrelid = r.rel AND adnum = r.attnum;",
                "    IF d IS NOT NULL THEN",
                "      EXECUTE pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I DROP DEFAULT', r.nspname, r.relname, r.attname);",
                "    END IF;",
                "    EXECUTE pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE " + type.replace("'", "''")
                        + " USING %I::text::" + type.replace("'", "''")
                        + "', r.nspname, r.relname, r.attname, r.attname);",
                "    IF d IS NOT NULL THEN",
                "      BEGIN",
                "        EXECUTE pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT %s', r.nspname, r.relname, r.attname, pg_catalog.replace(d, "
                        + "pg_catalog.quote_ident(" + literal(oldName) + "), pg_catalog.quote_ident("
                        + literal(to.name().name()) + ")));",
                "      EXCEPTION WHEN invalid_text_representation THEN NULL;",
                "      END;",
                "    END IF;",
                "  END LOOP;",
                "END");
        String tag = dollarTag(body);
        // the casts stay with the renamed type and would keep it from being dropped: they move to the new one
        QualifiedName aside = new QualifiedName(to.name().schema(), oldName);
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TYPE " + table(to.name()) + " RENAME TO " + quote(oldName));
        statements.add(createStatement(to));
        statements.add("DO " + tag + "\n" + body + "\n" + tag);
        statements.addAll(casts(aside, to.casts(), "DROP CAST (%s AS %s)"));
        statements.add("DROP TYPE " + old);
        statements.addAll(casts(to.name(), to.casts(), "CREATE CAST (%s AS %s) WITH INOUT AS IMPLICIT"));
        return List.copyOf(statements);
    }

    /**
     * The name the old type is moved to: the name and a suffix, within PostgreSQL's 63 bytes;
     * a name too long for that is cut and given a hash of the whole name, so two long names that
     * share a start get different names and the same name always gets the same one.
     */
    static String asideName(String name) {
        if (ObjectNames.bytes(name + OLD_SUFFIX) <= ObjectNames.MAX_IDENTIFIER_BYTES) return name + OLD_SUFFIX;
        String hash = HexFormat.of().formatHex(sha256(name)).substring(0, 8);
        String tail = "_" + hash + OLD_SUFFIX;
        return ObjectNames.truncate(name, ObjectNames.MAX_IDENTIFIER_BYTES - tail.length()) + tail;
    }

    /** A dollar-quote tag that does not occur in {@code body}, which holds names a user chose. */
    private static String dollarTag(String body) {
        String tag = "$retort$";
        for (int n = 1; body.contains(tag); n++) tag = "$retort" + n + "$";
        return tag;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
