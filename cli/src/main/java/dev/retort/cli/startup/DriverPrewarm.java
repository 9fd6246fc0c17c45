package dev.retort.cli.startup;

import dev.retort.Dialect;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.net.SocketFactory;
import org.postgresql.Driver;

/**
 * Runs the PostgreSQL driver once, on a background thread, against a server that exists only in
 * memory: a canned exchange of the protocol's start-up, the driver's one setting and one query. Meanwhile the
 * command line is parsed and the project configured; the real connection then finds the driver's
 * classes initialised and its code linked.
 *
 * <p>A first connection costs about 170 ms on the benchmark machine, of which 10 ms is the
 * connection itself; the rest is the driver's first run. No byte leaves the process, and a failure
 * here is ignored: the real connection reports its own. The launcher's training run uses it too,
 * so that the class-data archive holds what a connection needs.
 *
 * <p>Measured gain: {@code current} ~0.63 to ~0.50 s on the benchmark machine, measured in one
 * commit with {@link OneSubcommand} (about 40 ms of it) and the launcher's parallel collector.
 * Not started on MariaDB (when {@link EarlyEntityRead} found the project's dialect): MariaDB's {@code check} of 100
 * tables ~1.35 to ~1.30 s.
 * Switch: {@code RETORT_STARTUP_DRIVER_PREWARM=off} ({@link StartupSwitch#DRIVER_PREWARM}).
 */
public final class DriverPrewarm {
    /**
     * The subcommands that do not connect to a database ({@code embedded} starts a server and prints its URL; {@code lint} reads the migrations alone);
     * {@code QuickLookTest} keeps it in step with the commands.
     */
    static final Set<String> OFFLINE = Set.of("init", "heads", "branches", "show", "merge", "edit", "embedded", "lint");

    private DriverPrewarm() {}

    /**
     * Starts the warm-up when the command (see {@link QuickLook#subcommandName}) connects, unless it
     * is switched off or the command is known to work on MariaDB ({@code dialect}, where known: see
     * {@link EarlyEntityRead#startedDialect}), where PostgreSQL's driver is never used and the warm-up's
     * CPU is taken from the entity read and the catalog read on a small machine; whether it started.
     */
    public static boolean startFor(String command, Map<String, String> environment, Dialect dialect) {
        if (command == null
                || OFFLINE.contains(command)
                || dialect == Dialect.MARIADB
                || !StartupSwitch.DRIVER_PREWARM.isOn(environment)) return false;
        Thread thread = new Thread(DriverPrewarm::run, "retort-driver-prewarm");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** Connects, queries and disconnects; whether the canned exchange went through. */
    static boolean run() {
        Properties properties = new Properties();
        properties.setProperty("user", "retort");
        properties.setProperty("sslmode", "disable");
        properties.setProperty("gssEncMode", "disable");
        properties.setProperty("socketFactory", InMemorySocketFactory.class.getName());
        try (Connection connection = new Driver().connect("jdbc:postgresql://127.0.0.1:5432/retort", properties);
                PreparedStatement statement = connection.prepareStatement("SELECT 1");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() && rows.getInt(1) == 1;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** What the in-memory server says, whatever it is sent. */
    private static byte[] serverMessages() {
        Messages server = new Messages();
        server.message('R', 0); // authentication ok
        for (String[] parameter : new String[][] {
            {"server_version", "15.0"},
            {"server_encoding", "UTF8"},
            {"client_encoding", "UTF8"},
            {"DateStyle", "ISO, MDY"},
            {"integer_datetimes", "on"},
            {"standard_conforming_strings", "on"},
            {"TimeZone", "UTC"},
            {"is_superuser", "off"}
        }) {
            server.message('S', parameter[0], parameter[1]);
        }
        server.message('K', 1, 1); // backend key
        server.ready();
        server.message('C', "SET"); // the driver's SET application_name
        server.ready();
        server.empty('1'); // parse complete
        server.empty('2'); // bind complete
        server.rowDescription("?column?", 23, 4); // one int4 column
        server.dataRow("1");
        server.message('C', "SELECT 1");
        server.ready();
        return server.bytes();
    }

    /** Protocol messages: a type byte, a length that counts itself, the body. */
    private static final class Messages {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void message(char type, Object... fields) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Object field : fields) {
                if (field instanceof Integer number) {
                    int4(body, number);
                } else {
                    body.writeBytes(((String) field).getBytes(StandardCharsets.UTF_8));
                    body.write(0);
                }
            }
            frame(type, body);
        }

        void empty(char type) {
            frame(type, new ByteArrayOutputStream());
        }

        void ready() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write('I'); // idle, outside a transaction
            frame('Z', body);
        }

        void rowDescription(String name, int typeOid, int typeLength) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int2(body, 1);
            body.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            body.write(0);
            int4(body, 0); // table
            int2(body, 0); // column number
            int4(body, typeOid);
            int2(body, typeLength);
            int4(body, -1); // type modifier
            int2(body, 0); // text format
            frame('T', body);
        }

        void dataRow(String value) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            int2(body, 1);
            int4(body, bytes.length);
            body.writeBytes(bytes);
            frame('D', body);
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void frame(char type, ByteArrayOutputStream body) {
            out.write(type);
            int4(out, body.size() + 4);
            out.writeBytes(body.toByteArray());
        }

        private static void int4(ByteArrayOutputStream out, int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
        }

        private static void int2(ByteArrayOutputStream out, int value) {
            out.write(value >>> 8);
            out.write(value);
        }
    }

    /** The driver's socket factory for the warm-up (named in its connection properties). */
    public static final class InMemorySocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new InMemorySocket();
        }

        @Override
        public Socket createSocket(String host, int port) {
            return new InMemorySocket();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            return new InMemorySocket();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            return new InMemorySocket();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            return new InMemorySocket();
        }
    }

    /** A connected socket that reads the canned server messages and discards what it is sent. */
    private static final class InMemorySocket extends Socket {
        private final InputStream in = new ByteArrayInputStream(serverMessages());
        private int timeout;

        @Override
        public void connect(SocketAddress endpoint, int connectTimeout) {}

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public void setTcpNoDelay(boolean on) {}

        @Override
        public void setKeepAlive(boolean on) {}

        @Override
        public int getSendBufferSize() {
            return 8192;
        }

        @Override
        public void setSoTimeout(int milliseconds) {
            timeout = milliseconds;
        }

        @Override
        public int getSoTimeout() {
            return timeout;
        }

        @Override
        public void close() {}
    }
}
