package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.fixtures.library.Library;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Foreign keys, unique constraints and sequences through the whole loop, with the library model. */
class LibraryJourneyTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path workDir;

    @Test
    void constraintsAndSequencesRoundTrip() throws SQLException {
        Cli cli = new Cli(workDir);
        cli.configure(db, Library.V1, "snake");
        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "library").code());
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        Schema v1 = catalog();
        db.execute(
                "INSERT INTO authors (id, name) VALUES (1, 'Ursula'); INSERT INTO books (id, isbn, title, author_id) "
                        + "VALUES (1, '978-0060512', 'The Dispossessed', 1); INSERT INTO members (id, email, branch) VALUES (1000, 'a@b', 'main'); "
                        + "INSERT INTO loans (book_id, member_id, due, status) VALUES (1, 1000, current_date, 'OPEN')");

        cli.configure(db, Library.V2, "snake");
        Cli.Result drift = cli.run("check");
        assertEquals(ExitCode.FOUND, drift.code(), drift::toString);
        for (String expected : List.of(
                "add sequence reviews_seq start 1 increment 50",
                "alter sequence member_cards: start 1000 increment 1 -> start 1000 increment 10",
                "add table reviews",
                "add unique books (isbn)",
                "drop unique members (email)",
                "add unique members (email, branch)",
                "add foreign key loans (member_id) -> members (id) on delete cascade",
                "add foreign key reviews (book_id) -> books (id)",
                "drop check loans (((status)::text = ANY ((ARRAY['OPEN'::character varying, 'RETURNED'::character varying])::text[])))",
                "add check loans status in ('OPEN','RETURNED','LOST')",
                "alter column members.branch: default none -> 'main'",
                "add index books (title desc, author_id)",
                "alter table comment books: none -> 'Books in the catalogue'",
                "alter column books.isbn: comment none -> 'ISBN-13, with or without dashes'")) {
            assertTrue(drift.out().contains("  " + expected + "\n"), () -> "check names " + expected + "\n" + drift);
        }
        assertTrue(
                drift.out()
                        .contains(
                                "  add foreign key loans (member_id) -> members (id) on delete cascade\n    HAZARD long-lock"),
                drift::toString);
        assertTrue(
                drift.out().contains("  add foreign key reviews (book_id) -> books (id)\n")
                        && !drift.out().contains("reviews (book_id) -> books (id)\n    HAZARD"),
                "no lock hazard on a new table's key");

        assertEquals(
                ExitCode.OK,
                cli.run("revision", "--autogenerate", "-m", "library v2").code());
        Cli.Result up = cli.run("upgrade", "head");
        assertEquals(ExitCode.OK, up.code(), up::toString);
        assertEquals(Cli.CLEAN_CHECK, cli.run("check"));
        Schema v2 = catalog();

        assertEquals(ExitCode.OK, cli.run("downgrade", "-1").code());
        assertEquals(v1.comparable(), catalog().comparable(), "downgrade -1 gives back v1, checks compared by meaning");
        assertEquals(names(v1), names(catalog()), "and every constraint under its v1 name");
        assertEquals(List.of("1 1000"), db.query("SELECT book_id, member_id FROM loans"));
        assertEquals(ExitCode.OK, cli.run("upgrade", "head").code());
        assertEquals(v2.comparable(), catalog().comparable());
        db.execute("INSERT INTO loans (book_id, member_id, due, status) VALUES (1, 1000, current_date, 'LOST')");
        db.execute("INSERT INTO members (id, email) VALUES (1001, 'c@d')");
        assertEquals(List.of("main"), db.query("SELECT branch FROM members WHERE id = 1001"), "the v2 default applies");
        db.execute("DELETE FROM members");
        assertEquals(List.of(), db.query("SELECT * FROM loans"), "the v2 foreign key cascades");
        assertEquals(ExitCode.OK, cli.run("downgrade", "base").code());
        assertEquals(Schema.EMPTY.withNamespaces(List.of()), catalog(), "nothing left, and no schema but public");
    }

    private static Schema catalog() throws SQLException {
        try (Connection c = db.connect()) {
            return Autogenerate.configure()
                    .leaveOut(Set.of(QualifiedName.of("retort_version"), QualifiedName.of("retort_version_history")))
                    .load()
                    .readDatabase(c);
        }
    }

    private static List<String> names(Schema schema) {
        List<String> names = new ArrayList<>();
        for (var table : schema.tables()) {
            table.uniques().forEach(u -> names.add(u.name()));
            table.foreignKeys().forEach(f -> names.add(f.name()));
            table.checks().forEach(c -> names.add(c.name()));
        }
        names.sort(null);
        return names;
    }
}
