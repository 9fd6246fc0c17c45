package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RetortException;
import dev.retort.cli.Cli;
import dev.retort.cli.ExitCode;
import dev.retort.runtime.Retort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that accepts connections and never answers: connecting gives up after connect.timeout, in one line. */
class LoginTimeoutTest {
    @TempDir
    Path dir;

    ServerSocket silent;
    final List<Socket> accepted = new ArrayList<>();
    String url;

    @BeforeEach
    void silentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    try {
                        while (true) {
                            Socket socket = silent.accept();
                            synchronized (accepted) {
                                accepted.add(socket);
                            }
                        }
                    } catch (IOException closed) {
                        // the test is over
                    }
                },
                "silent server");
        acceptor.setDaemon(true);
        acceptor.start();
        url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/app";
    }

    @AfterEach
    void stop() throws IOException {
        silent.close();
        synchronized (accepted) {
            for (Socket socket : accepted) socket.close();
        }
    }

    /** The start of the one-line error: the URL names host and port. */
    private String noAnswer(int seconds) {
        return "error: cannot connect to " + url + ": no answer within " + seconds + " s (connect timeout)";
    }

    @Test
    void currentGivesUpAfterTheConnectTimeout() {
        Cli cli = new Cli(dir);
        long started = System.nanoTime();
        Cli.Result result = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> cli.run("--url", url, "-x", "connect.timeout=2", "current"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(ExitCode.ERROR, result.code(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().startsWith(noAnswer(2)), result::toString);
        assertTrue(
                took.compareTo(Duration.ofMillis(1900)) > 0 && took.compareTo(Duration.ofSeconds(8)) < 0,
                took::toString);
    }

    @Test
    void connectTimeoutFromTheEnvironment() {
        Cli cli = new Cli(dir);
        cli.environment.put("RETORT_URL", url);
        cli.environment.put("RETORT_CONNECT_TIMEOUT", "1");
        Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> cli.run("upgrade", "head"));
        assertTrue(result.err().startsWith(noAnswer(1)), result::toString);
        cli.environment.put("RETORT_CONNECT_TIMEOUT", "soon");
        assertEquals(
                "error: connect.timeout: expected a whole number of seconds, got soon",
                cli.run("heads").err().strip());
    }

    @Test
    void diffGivesUpAfterTheConnectTimeout() {
        Cli cli = new Cli(dir);
        Cli.Result result = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> cli.run("-x", "connect.timeout=1", "diff", "--from", url, "--to", url));
        assertTrue(result.err().startsWith(noAnswer(1)), result::toString);
    }

    @Test
    void runtimeApiGivesUpAfterTheConnectTimeout() {
        Retort retort = Retort.configure()
                .url(url, "app", "secret")
                .connectTimeout(Duration.ofSeconds(2))
                .migrations(PasswordRedactionTest.Nothing.class)
                .load();
        RetortException e = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> assertThrows(RetortException.class, retort::current));
        assertTrue(("error: " + e.getMessage()).startsWith(noAnswer(2)), e.getMessage());
    }
}
