package dev.retort.bench;

import dev.retort.mariadb.MariaDbIntrospector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Introspection and {@code retort check} in a JVM already running, as the Maven plugin, a JUnit suite or a Spring
 * application run them: the first round alone (Retort's classes not yet loaded: a plugin's or an application's one
 * run), then, after a second untimed round, the timed rounds (a JVM that ran them before); each opens its own connection
 * (introspection) or runs the whole command ({@code dev.retort.cli.Main.run}, check; from the jar, which the bench
 * module does not build on). Prints one line per figure: its name, then each round's seconds.
 */
public final class MariaDbWarm {
    private static final int WARM_UP = 2;

    private MariaDbWarm() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: MariaDbWarm JDBC_URL PROJECT_DIR ROUNDS");
            System.exit(2);
        }
        String url = args[0];
        Path project = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Map<String, String> environment = new HashMap<>(System.getenv());
        Method command = Class.forName("dev.retort.cli.Main")
                .getMethod("run", Path.class, Map.class, PrintWriter.class, PrintWriter.class, String[].class);
        List<Double> introspection = new ArrayList<>();
        List<Double> check = new ArrayList<>();
        for (int round = 0; round < WARM_UP + rounds; round++) {
            long start = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(url)) {
                MariaDbIntrospector.read(connection);
            }
            double read = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = (int) command.invoke(
                    null, project, environment, new PrintWriter(out), new PrintWriter(err), new String[] {"check"});
            double checked = (System.nanoTime() - start) / 1e9;
            if (code != 1) throw new IllegalStateException("check exited " + code + ", expected 1:\n" + out + err);
            if (round == 0) {
                System.out.println(line("first-introspection", List.of(read)));
                System.out.println(line("first-check", List.of(checked)));
            }
            if (round < WARM_UP) continue;
            introspection.add(read);
            check.add(checked);
        }
        System.out.println(line("introspection", introspection));
        System.out.println(line("check", check));
    }

    private static String line(String figure, List<Double> seconds) {
        StringBuilder text = new StringBuilder(figure);
        for (double s : seconds) text.append(' ').append(String.format(Locale.ROOT, "%.4f", s));
        return text.toString();
    }
}
