package dev.retort.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Floor (a) of {@code bench/run --floor}: a JVM that connects with the MariaDB driver, runs {@code select 1} and exits. */
public final class FloorConnect {
    private FloorConnect() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0]);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1")) {
            rows.next();
            System.out.println(rows.getInt(1));
        }
    }
}
