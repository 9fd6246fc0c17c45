package dev.retort.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RetortException;
import dev.retort.runtime.ConnectionException;
import dev.retort.runtime.DatabaseException;
import dev.retort.runtime.Direction;
import dev.retort.runtime.LockException;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.StatementException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the one redaction function masks, in text and in exception chains. */
class RedactionTest {
    @Test
    void urlFormsAreMaskedWithoutKnowingThePassword() {
        assertEquals(
                "jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                Redaction.NONE.text("jdbc:postgresql://h/db?user=u&password=s3cr&ssl=true"));
        assertEquals("jdbc:postgres://h/db?PassWord=***", Redaction.NONE.text("jdbc:postgres://h/db?PassWord=s3cr"));
        assertEquals("jdbc:postgresql://u:***@h:5432/db", Redaction.NONE.text("jdbc:postgresql://u:s3cr@h:5432/db"));
        assertEquals("give user= and password= parameters", Redaction.NONE.text("give user= and password= parameters"));
    }

    @Test
    void knownPasswordsAreMaskedWhereverTheyAppearInEveryForm() {
        Redaction redaction = Redaction.of("jdbc:postgresql://h/db?password=%53ekr%20t", "p@ss word");
        assertEquals(
                "url ***, decoded ***, given ***, encoded *** or ***",
                redaction.text(
                        "url %53ekr%20t, decoded Sekr t, given p@ss word, encoded p%40ss+word or p%40ss%20word"));
        assertEquals("refused: ***: wrong", Redaction.of(null, "a:b").text("refused: a:b: wrong"));
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        Redaction redaction = Redaction.of("jdbc:postgresql://h/db?password=abc", "abcdef");
        assertEquals("*** and ***", redaction.text("abcdef and abc"));
    }

    @Test
    void rebuiltExceptionsKeepTheirFieldsRedacted() {
        StatementException failed = new StatementException(
                "a1", Direction.UPGRADE, 3, "ALTER ROLE app PASSWORD 's3cr3t'", "statement 3 failed: s3cr3t", null);
        StatementException clean = assertInstanceOf(
                StatementException.class, Redaction.of(null, "s3cr3t").exception(failed));
        assertEquals("statement 3 failed: ***", clean.getMessage());
        assertEquals(
                List.of("a1", "UPGRADE", "3", "ALTER ROLE app PASSWORD '***'"),
                List.of(clean.revision(), clean.direction().name(), Integer.toString(clean.statement()), clean.sql()));
        LockException lock = new LockException("public.retort_version", "pid 7 (s3cr3t)", "held by s3cr3t", null);
        assertEquals(
                "pid 7 (***)",
                assertInstanceOf(
                                LockException.class,
                                Redaction.of(null, "s3cr3t").exception(lock))
                        .holder());
        DatabaseException database = new DatabaseException("no s3cr3t", "42501", null);
        DatabaseException cleanDatabase = assertInstanceOf(
                DatabaseException.class, Redaction.of(null, "s3cr3t").exception(database));
        assertEquals(
                List.of("database: no ***", "no ***", "42501"),
                List.of(cleanDatabase.getMessage(), cleanDatabase.serverMessage(), cleanDatabase.sqlState()));
        ConnectionException connection =
                new ConnectionException("jdbc:postgresql://h/db?password=s3cr3t", "refused for s3cr3t", null);
        ConnectionException cleanConnection = assertInstanceOf(
                ConnectionException.class, Redaction.of(null, "s3cr3t").exception(connection));
        assertEquals(
                List.of("jdbc:postgresql://h/db?password=***", "refused for ***"),
                List.of(cleanConnection.url(), cleanConnection.problem()));
    }

    @Test
    void aRefusedConnectionSaysWhereAndWhyWithoutThePassword() {
        UrlConnector connector = new UrlConnector(
                "jdbc:postgresql://127.0.0.1:99999/db?password=s3cr3t", null, null, UrlConnector.DEFAULT_TIMEOUT);
        ConnectionException e = assertThrows(ConnectionException.class, connector::open);
        assertEquals("jdbc:postgresql://127.0.0.1:99999/db?password=***", e.url());
        assertEquals("port 99999 is not a number from 1 to 65535", e.problem());
    }

    @Test
    void cleanExceptionsAreReturnedAsTheyAre() {
        RetortException e = new RetortException("no such revision: ffff", new SQLException("nothing secret", "42P01"));
        assertSame(e, Redaction.of("jdbc:postgresql://h/db", "s3cr3t").exception(e));
    }

    @Test
    void chainsAreRebuiltWithTheirTypesStatesAndFrames() {
        SQLException driver =
                new SQLException("No suitable driver found for jdbc:postgres://h/db?password=s3cr3t", "08001", 7);
        driver.addSuppressed(new IllegalStateException("also s3cr3t"));
        MigrationException e = new MigrationException("cannot use s3cr3t", new RetortException("wrapped", driver));
        Throwable clean = Redaction.of(null, "s3cr3t").exception(e);
        assertInstanceOf(MigrationException.class, clean);
        assertEquals("cannot use ***", clean.getMessage());
        SQLException cause =
                assertInstanceOf(SQLException.class, clean.getCause().getCause());
        assertEquals("08001", cause.getSQLState());
        assertEquals(7, cause.getErrorCode());
        assertEquals(
                "java.sql.SQLException: No suitable driver found for jdbc:postgres://h/db?password=***",
                cause.toString());
        assertEquals("java.lang.IllegalStateException: also ***", cause.getSuppressed()[0].toString());
        assertEquals(e.getStackTrace()[0], clean.getStackTrace()[0]);
        StringWriter trace = new StringWriter();
        clean.printStackTrace(new PrintWriter(trace, true));
        assertFalse(trace.toString().contains("s3cr3t"), trace::toString);
        assertTrue(trace.toString().contains("Caused by: java.sql.SQLException: No suitable driver"), trace::toString);
    }
}
