package dev.retort.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import org.jooq.Log;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.JooqLogger;

/** Floor (b) of {@code bench/run --floor}: floor (a) with jOOQ's {@code DSL.using} on the connection and one trivial query through it. */
public final class FloorJooq {
    private FloorJooq() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        JooqLogger.globalThreshold(Log.Level.WARN); // as Retort's catalog read sets it
        try (Connection connection = DriverManager.getConnection(args[0])) {
            System.out.println(
                    DSL.using(connection, SQLDialect.MARIADB).selectOne().fetchOne(0));
        }
    }
}
