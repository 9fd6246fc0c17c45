package dev.retort.adversarial;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.AlterEnum;
import dev.retort.postgres.PostgresSql;
import dev.retort.schema.EnumType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An enum whose labels are removed is rebuilt under a temporary name: that name must fit, not collide, and not break the SQL. */
class EnumRebuildNameTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @BeforeEach
    void empty() throws SQLException {
        db.reset();
    }

    /** A table using the type with a default and a row, the rebuild that drops label 'gone', then what is left. */
    private void rebuildKeepsColumnsAndDefaults(String type) throws SQLException {
        String t = quote(type);
        db.execute("CREATE TYPE " + t + " AS ENUM ('sad', 'gone', 'happy');"
                + " CREATE TABLE feelings (id int, mood " + t + " DEFAULT 'happy');"
                + " INSERT INTO feelings VALUES (1, 'sad')");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String sql : PostgresSql.statements(
                    new AlterEnum(EnumType.of(type, "sad", "gone", "happy"), EnumType.of(type, "sad", "happy")))) {
                st.execute(sql);
            }
        }
        assertEquals(
                List.of("sad,happy"),
                db.query("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum" + " WHERE enumtypid = "
                        + literal(t) + "::regtype"),
                type);
        db.execute("INSERT INTO feelings (id) VALUES (2)");
        assertEquals(List.of("1 sad", "2 happy"), db.query("SELECT id, mood FROM feelings ORDER BY id"), type);
        assertEquals(
                List.of("t"),
                db.query("SELECT atttypid = " + literal(t) + "::regtype FROM pg_attribute"
                        + " WHERE attrelid = 'feelings'::regclass AND attname = 'mood'"),
                type);
        assertEquals(
                List.of("1"),
                db.query("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE n.nspname = 'public' AND t.typtype = 'e'"),
                "the old type is dropped");
        db.execute("DROP TABLE feelings; DROP TYPE " + t);
    }

    @Test
    void enumWithA63ByteNameIsRebuilt() throws SQLException {
        rebuildKeepsColumnsAndDefaults("e".repeat(63));
        String multibyte = "é".repeat(31) + "e";
        assertEquals(63, multibyte.getBytes(StandardCharsets.UTF_8).length);
        rebuildKeepsColumnsAndDefaults(multibyte);
        rebuildKeepsColumnsAndDefaults("m".repeat(52));
    }

    @Test
    void temporaryNameOfALongEnumDoesNotCollideWithAnotherType() throws SQLException {
        String type = "s".repeat(55) + "_first";
        String cutSuffix = type + "__";
        assertEquals(63, cutSuffix.length(), "what the temporary name used to be cut to");
        db.execute("CREATE TYPE " + quote(cutSuffix) + " AS ENUM ('x')");
        rebuildKeepsColumnsAndDefaultsBeside(type, cutSuffix);
    }

    /** The rebuild with another type in the schema, whose name the temporary name must not take. */
    private void rebuildKeepsColumnsAndDefaultsBeside(String type, String other) throws SQLException {
        String t = quote(type);
        db.execute("CREATE TYPE " + t + " AS ENUM ('sad', 'gone', 'happy'); CREATE TABLE feelings (mood " + t + ")");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String sql : PostgresSql.statements(
                    new AlterEnum(EnumType.of(type, "sad", "gone", "happy"), EnumType.of(type, "sad", "happy")))) {
                st.execute(sql);
            }
        }
        assertEquals(
                List.of("x"),
                db.query("SELECT string_agg(enumlabel, ',') FROM pg_enum WHERE enumtypid = " + literal(quote(other))
                        + "::regtype"),
                "the other type is untouched");
    }

    @Test
    void enumWithDollarsInItsNameIsRebuilt() throws SQLException {
        rebuildKeepsColumnsAndDefaults("mood$");
        rebuildKeepsColumnsAndDefaults("x$retort$y");
        rebuildKeepsColumnsAndDefaults("$retort$");
        rebuildKeepsColumnsAndDefaults("we$$ird %I %s 'q' \"dq\"");
    }
}
