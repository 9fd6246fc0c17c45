package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.retort.VisibleText;
import dev.retort.codegen.JavaText;
import dev.retort.fixtures.db.Psql;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.hostile.HostileText;
import dev.retort.op.AlterEnum;
import dev.retort.postgres.PostgresSql;
import dev.retort.schema.EnumType;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each escaping function fed the hostile corpus: what it returns compiles or runs to exactly the
 * text it was given, hides no statement, and shows every hidden character.
 */
class HostileTextTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void javaCommentsJavadocAndStringLiteralsCompileToOneClassHoldingExactlyTheText() throws Exception {
        StringBuilder source = new StringBuilder("package probe;\n\n/**\n");
        for (String text : HostileText.ALL)
            source.append(" * ").append(JavaText.javadoc(text)).append('\n');
        source.append(" */\npublic final class Probe {\n");
        for (String text : HostileText.ALL)
            source.append("    // ").append(JavaText.comment(text)).append('\n');
        source.append("    static final String[] VALUES = {\n");
        for (String text : HostileText.ALL)
            source.append("        ").append(JavaText.string(text)).append(",\n");
        source.append("    };\n}\n");
        String java = source.toString();
        assertFalse(HostileText.hasRawHidden(java), () -> HostileText.firstRawHidden(java));

        Javac.compile(dir, "Probe.java", java);
        assertEquals(List.of("probe.Probe"), Javac.topLevelClasses(dir));
        Class<?> probe = Javac.load(dir, "probe.Probe");
        assertEquals(
                List.of("VALUES"),
                Arrays.stream(probe.getDeclaredFields()).map(Field::getName).toList());
        assertEquals(0, probe.getDeclaredMethods().length + probe.getDeclaredClasses().length);
        Field values = probe.getDeclaredField("VALUES");
        values.setAccessible(true);
        assertEquals(HostileText.ALL, List.of((String[]) values.get(null)));
    }

    @Test
    void javaTextStaysReadable() {
        assertEquals("café 日本 Ωmega", JavaText.comment(HostileText.LETTERS));
        assertEquals("C:\\\\users\\\\data", JavaText.comment(HostileText.WINDOWS_PATH));
        assertEquals("x\\\\u000aop.execute(\"DROP TABLE victim\");//", JavaText.comment(HostileText.UNICODE_NEWLINE));
        assertEquals("crlf\\r\\nDROP TABLE victim; --", JavaText.comment(HostileText.CRLF));
        assertEquals("\\x{1b}[2J\\x{1b}[Hclear", JavaText.comment(HostileText.CLEAR_SCREEN));
        assertEquals("\\x{202e}evil\\x{202c}", JavaText.comment("\u202eevil\u202c"));
        assertEquals("\"C:\\\\users\\\\data\"", JavaText.string(HostileText.WINDOWS_PATH));
        assertEquals("\"\\u202eevil café\"", JavaText.string("\u202eevil café"));
        assertEquals("\"ls\\u2028\"", JavaText.string("ls\u2028"));
        assertEquals("close *&#47; class Evil {} /*", JavaText.javadoc(HostileText.CLOSE_COMMENT));
        assertEquals("&#64;Deprecated {&#64;code x} &lt;b&gt;&amp;amp;", JavaText.javadoc(HostileText.JAVADOC_MARKUP));
    }

    @Test
    void sqlLiteralsAndIdentifiersRoundTripWhateverStandardConformingStringsSays() throws SQLException {
        for (String setting : List.of("on", "off")) {
            try (Connection c = db.connect();
                    Statement st = c.createStatement()) {
                st.execute("SET standard_conforming_strings = " + setting);
                for (String text : HostileText.ALL) {
                    try (ResultSet rs =
                            st.executeQuery("SELECT " + PostgresSql.literal(text) + " AS " + PostgresSql.quote(text))) {
                        rs.next();
                        assertEquals(text, rs.getString(1), setting);
                        assertEquals(text, rs.getMetaData().getColumnLabel(1), setting);
                    }
                }
            }
        }
    }

    /** A script of comments, identifiers and literals, run by psql: exactly the statements written run, nothing more. */
    @Test
    void sqlCommentsLiteralsAndIdentifiersRunUnderPsqlAsWritten() throws Exception {
        db.reset();
        db.execute("CREATE TABLE victim (id int)");
        StringBuilder script = new StringBuilder("CREATE TABLE probe (n serial, t text);\n");
        for (String text : HostileText.ALL) {
            script.append("-- ").append(PostgresSql.comment(text)).append('\n');
            script.append("CREATE TABLE ").append(PostgresSql.quote(text)).append(" ();\n");
            script.append("INSERT INTO probe (t) VALUES (")
                    .append(PostgresSql.literal(text))
                    .append(");\n");
        }
        assertFalse(HostileText.hasRawHidden(script.toString()), () -> HostileText.firstRawHidden(script.toString()));
        Psql.run(db, dir, script.toString());

        assertEquals(HostileText.ALL, db.query("SELECT t FROM probe ORDER BY n"));
        List<String> tables = new ArrayList<>(HostileText.ALL);
        tables.addAll(List.of("probe", "victim"));
        assertEquals(
                tables.stream().sorted().toList(),
                db.query(
                        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname COLLATE \"C\""));
    }

    /** Rebuilding an enum runs a DO block in dollar quotes that holds the type's name: a name holding the tag must not close it. */
    @Test
    void enumTypeNameHoldingTheDollarTagStaysInsideTheDoBlock() throws SQLException {
        db.reset();
        String name = "x$retort$;DROP TABLE victim;DO $retort$BEGIN";
        db.execute("CREATE TABLE victim (id int); CREATE TYPE " + HostileSql.ident(name) + " AS ENUM ('a', 'b'); "
                + "CREATE TABLE uses (v " + HostileSql.ident(name) + ")");
        AlterEnum reorder = new AlterEnum(EnumType.of(name, "a", "b"), EnumType.of(name, "b", "a"));
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String sql : PostgresSql.statements(reorder)) st.execute(sql);
        }
        assertEquals(List.of("1"), db.query("SELECT count(*) FROM pg_class WHERE relname = 'victim'"));
        assertEquals(
                List.of("b", "a"),
                db.query("SELECT enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid " + "WHERE t.typname = "
                        + HostileSql.literal(name) + " ORDER BY e.enumsortorder"));
    }

    @Test
    void sqlTextStaysReadable() {
        assertEquals("'café 日本'", PostgresSql.literal("café 日本"));
        assertEquals("'it''s'", PostgresSql.literal(HostileText.SINGLE_QUOTE));
        assertEquals("E'C:\\\\users\\\\data'", PostgresSql.literal(HostileText.WINDOWS_PATH));
        assertEquals("E'\\x1b[2J\\x1b[Hclear'", PostgresSql.literal(HostileText.CLEAR_SCREEN));
        assertEquals("'two\nlines'", PostgresSql.literal("two\nlines"));
        assertEquals("\"say \"\"hi\"\"\"", PostgresSql.quote(HostileText.DOUBLE_QUOTE));
        assertEquals("U&\"lf\\+00000aop\"", PostgresSql.quote("lf\nop"));
        assertEquals("cr\\rDROP TABLE victim; --", PostgresSql.comment(HostileText.CR));
        assertEquals("C:\\users\\data", PostgresSql.comment(HostileText.WINDOWS_PATH));
    }

    @Test
    void visibleTextSpellsOutEveryHiddenCharacterAndNothingElse() {
        for (String text : HostileText.ALL) {
            String visible = VisibleText.of(text, false);
            assertFalse(
                    HostileText.hasRawHidden(visible) || visible.contains("\n"),
                    () -> HostileText.firstRawHidden(visible));
        }
        assertEquals("café 日本 Ωmega", VisibleText.of(HostileText.LETTERS, false));
        assertEquals("\\x{1b}]0;title\\x{7}osc", VisibleText.of(HostileText.WINDOW_TITLE, false));
        assertEquals("ls\\x{2028}ps\\x{2029}", VisibleText.of(HostileText.LINE_SEPARATOR, false));
    }
}
