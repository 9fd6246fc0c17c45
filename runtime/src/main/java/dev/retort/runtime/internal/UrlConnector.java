package dev.retort.runtime.internal;

import static java.util.Objects.requireNonNull;

import dev.retort.Dialect;
import dev.retort.runtime.ConnectionException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Opens connections to a JDBC URL through the PostgreSQL driver (or MariaDB's, for {@code jdbc:mariadb:} and
 * {@code jdbc:mysql:}, which the application brings). An explicit user or password wins
 * over the same parameter in the URL (the driver would otherwise prefer the URL's). Connecting gives
 * up after {@code timeout} (the driver's {@code loginTimeout} and {@code connectTimeout}), also on a
 * server that accepts and never answers; TCP keepalive is on. No {@code socketTimeout}: a migration's
 * statement may rightly run for hours. Errors are one line, without the password, and so is every
 * message of their cause chain.
 *
 * @param user null for the URL's
 * @param password null for the URL's; never shown, not even by {@link #toString()}
 */
public record UrlConnector(String url, String user, String password, Duration timeout) {
    /** How long connecting may take unless configured otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final String SCHEME = "jdbc:postgresql:";
    private static final Pattern USER_INFO = Pattern.compile("^//[^/?#]*@.*");

    public UrlConnector {
        requireNonNull(url, "url");
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "connect timeout out of range (0 to " + Integer.MAX_VALUE + " s): " + timeout.toSeconds() + " s");
        }
    }

    /** The secrets this connector knows about, to mask in any text. */
    public Redaction redaction() {
        return Redaction.of(url, password);
    }

    public Connection open() {
        Redaction redaction = redaction();
        String target = url;
        Properties properties = new Properties();
        if (user != null) {
            target = withoutParameter(target, "user");
            properties.setProperty("user", user);
        }
        if (password != null) {
            target = withoutParameter(target, "password");
            properties.setProperty("password", password);
        }
        long seconds = timeout.toSeconds();
        if (Dialect.ofUrl(target) == Dialect.MARIADB) {
            // MariaDB's driver counts its connect timeout in milliseconds
            properties.setProperty("connectTimeout", Long.toString(seconds * 1000));
            properties.setProperty("tcpKeepAlive", "true");
            target = readableByMariaDbDriver(target);
        } else {
            refuseUnreadable(target, redaction);
            properties.setProperty("loginTimeout", Long.toString(seconds));
            properties.setProperty("connectTimeout", Long.toString(seconds));
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("ApplicationName", "retort");
        }
        long started = System.nanoTime();
        try {
            return DriverManager.getConnection(target, properties);
        } catch (SQLException e) {
            boolean timedOut = seconds > 0 && System.nanoTime() - started >= timeout.toNanos() - 100_000_000L;
            throw new ConnectionException(
                    redaction.text(target), reason(e, timedOut, redaction), redaction.exception(e));
        }
    }

    private String reason(SQLException e, boolean timedOut, Redaction redaction) {
        String message = Failures.oneLine(redaction.text(e.getMessage()));
        if (timedOut) return "no answer within " + timeout.toSeconds() + " s (connect timeout): " + message;
        // DriverManager's answer when the driver declines the URL: it only repeats the URL
        if (message.startsWith("No suitable driver")) {
            return "the " + Dialect.ofUrl(url) + " driver cannot read this URL (check the host, port and parameters)";
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) return "unknown host " + redaction.text(cause.getMessage());
        }
        return message;
    }

    /** URLs the driver would refuse with a message that repeats the whole URL, password included, or would misread. */
    private static void refuseUnreadable(String target, Redaction redaction) {
        String shown = redaction.text(target);
        if (!target.startsWith(SCHEME)) {
            throw new ConnectionException(
                    shown, "not a PostgreSQL JDBC URL (expected " + SCHEME + "//host[:port]/database)", null);
        }
        String rest = target.substring(SCHEME.length());
        if (USER_INFO.matcher(rest).matches()) {
            throw new ConnectionException(
                    shown,
                    "the PostgreSQL driver does not read user:password@host;"
                            + " give the user and password separately (or as user= and password= parameters)",
                    null);
        }
        if (!rest.startsWith("//")) return;
        // the driver logs a bad port on stderr and then declines the URL with a message repeating all of it
        for (String address : rest.substring(2).split("[/?]", 2)[0].split(",")) {
            int colon = address.lastIndexOf(':');
            if (colon < 0 || address.endsWith("]")) continue;
            String port = address.substring(colon + 1);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new ConnectionException(
                        shown, "port " + redaction.text(port) + " is not a number from 1 to 65535", null);
            }
        }
    }

    /** The URL as the MariaDB driver reads it: a {@code jdbc:mysql:} one only when the URL itself says it may. */
    public static String readableByMariaDbDriver(String url) {
        if (!url.startsWith("jdbc:mysql:") || url.contains("permitMysqlScheme")) return url;
        return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    /** The URL without the named query parameter (case-insensitive). */
    public static String withoutParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) return url;
        List<String> kept = new ArrayList<>();
        for (String parameter : url.substring(query + 1).split("&")) {
            if (!parameter.toLowerCase(Locale.ROOT).startsWith(name + "=") && !parameter.isEmpty()) kept.add(parameter);
        }
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    @Override
    public String toString() {
        return "UrlConnector[" + redaction().text(url) + ", user " + user + ", timeout " + timeout.toSeconds() + " s]";
    }
}
