package dev.retort.runtime.internal;

import dev.retort.RetortException;
import dev.retort.runtime.CompileException;
import dev.retort.runtime.ConnectionException;
import dev.retort.runtime.DatabaseException;
import dev.retort.runtime.LockException;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.StatementException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a connection's secrets from text and from exceptions: every password it was told about,
 * as given, URL-encoded and URL-decoded, and in any text a {@code password=} parameter and the
 * password of a {@code //user:password@host} URL. The one place that decides what a password looks
 * like in output; the command line and the runtime API both go through it.
 */
public final class Redaction {
    /** No known secret: only the URL forms are masked. */
    public static final Redaction NONE = new Redaction(List.of());

    private static final String MASK = "***";
    /** A password parameter's value, unless masked already (a known secret, which may contain any character). */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)(?!\\*\\*\\*)([^&;\\s]+)");

    private static final Pattern USER_INFO = Pattern.compile("(//[^/?#@:\\s]*):(?!\\*\\*\\*@)([^/?#@\\s]+)@");

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The secrets of a connection: the password, and whatever password the URL carries; either may be null. */
    public static Redaction of(String url, String password) {
        return NONE.and(url, password);
    }

    /** These secrets and those of one more connection. */
    public Redaction and(String url, String password) {
        Set<String> found = new LinkedHashSet<>(secrets);
        addForms(found, password);
        if (url != null) {
            for (Pattern pattern : List.of(PASSWORD_PARAMETER, USER_INFO)) {
                Matcher m = pattern.matcher(url);
                while (m.find()) addForms(found, m.group(2));
            }
        }
        // the longest first, so that a secret containing another is masked whole
        return new Redaction(found.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    private static void addForms(Set<String> found, String secret) {
        if (secret == null || secret.isEmpty()) return;
        found.add(secret);
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        found.add(encoded);
        found.add(encoded.replace("+", "%20"));
        try {
            found.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            // a stray % in a password that was never URL-encoded: the raw form is masked already
        }
        found.remove("");
    }

    /** The text without any secret; null stays null. */
    public String text(String text) {
        if (text == null) return null;
        String clean = text;
        for (String secret : secrets) clean = clean.replace(secret, MASK);
        clean = PASSWORD_PARAMETER.matcher(clean).replaceAll("$1" + MASK);
        return USER_INFO.matcher(clean).replaceAll("$1:" + MASK + "@");
    }

    /**
     * The exception with every message in its chain (causes and suppressed ones) redacted, stack
     * frames kept; the same object when nothing in it needed redacting. A rebuilt exception keeps
     * its type and fields where callers catch it ({@link MigrationException} and its subtypes,
     * {@link DatabaseException}, {@link RetortException}, {@link SQLException} with its SQL state);
     * any other is rebuilt as an unchecked exception that prints as the original type.
     */
    public Throwable exception(Throwable e) {
        if (e == null || isClean(e, 0)) return e;
        return rebuild(e, 0);
    }

    /** {@link #exception} for an unchecked exception, which stays unchecked. */
    public RuntimeException unchecked(RuntimeException e) {
        return (RuntimeException) exception(e);
    }

    private boolean isClean(Throwable e, int depth) {
        if (depth > 20) return true;
        if (!text(String.valueOf(e.getMessage())).equals(String.valueOf(e.getMessage()))) return false;
        for (Throwable suppressed : e.getSuppressed()) if (!isClean(suppressed, depth + 1)) return false;
        return e.getCause() == null || e.getCause() == e || isClean(e.getCause(), depth + 1);
    }

    private Throwable rebuild(Throwable e, int depth) {
        Throwable cause =
                e.getCause() == null || e.getCause() == e || depth > 20 ? null : rebuild(e.getCause(), depth + 1);
        String message = text(e.getMessage());
        Throwable copy = e instanceof RetortException retort ? copy(retort, message, cause) : copy(e, message, cause);
        copy.setStackTrace(e.getStackTrace());
        for (Throwable suppressed : e.getSuppressed()) copy.addSuppressed(rebuild(suppressed, depth + 1));
        return copy;
    }

    /** A copy of the same type, with the message and every text it keeps redacted. */
    private RetortException copy(RetortException e, String message, Throwable cause) {
        if (e instanceof StatementException s) {
            return new StatementException(
                    text(s.revision()), s.direction(), s.statement(), text(s.sql()), message, cause);
        }
        if (e instanceof LockException l)
            return new LockException(text(l.versionTable()), text(l.holder()), message, cause);
        if (e instanceof CompileException c) {
            return new CompileException(text(c.file()), c.line(), text(c.compilerMessage()), c.errors());
        }
        if (e instanceof MigrationException m) return new MigrationException(text(m.revision()), message, cause);
        if (e instanceof DatabaseException d)
            return new DatabaseException(text(d.serverMessage()), d.sqlState(), cause);
        if (e instanceof ConnectionException c) return new ConnectionException(text(c.url()), text(c.problem()), cause);
        return new RetortException(message, cause);
    }

    private static Throwable copy(Throwable e, String message, Throwable cause) {
        if (e instanceof SQLException sql) {
            return new RedactedSqlException(
                    e.getClass().getName(), message, sql.getSQLState(), sql.getErrorCode(), cause);
        }
        return new RedactedException(e.getClass().getName(), message, cause);
    }

    /** A redacted copy of an exception of another type: prints as that type. */
    static final class RedactedException extends RuntimeException {
        private final String type;

        RedactedException(String type, String message, Throwable cause) {
            super(message, cause);
            this.type = type;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }

    /** A redacted copy of a driver's exception: keeps the SQL state and vendor code, prints as the driver's type. */
    static final class RedactedSqlException extends SQLException {
        private final String type;

        RedactedSqlException(String type, String message, String sqlState, int vendorCode, Throwable cause) {
            super(message, sqlState, vendorCode, cause);
            this.type = type;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }
}
