package dev.retort.postgres;

import dev.retort.RetortException;
import dev.retort.schema.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How the catalog queries are bound and their values decoded: PostgreSQL's vectors, text arrays, attribute numbers named. */
final class CatalogValues {
    private CatalogValues() {}

    /** Whether the server has NULLS NOT DISTINCT (PostgreSQL 15). */
    static boolean nullsNotDistinct(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion() >= 15;
    }

    /** Column names for attribute numbers separated by spaces ({@code "3 1"}), in that order. */
    static List<String> named(String attributeNumbers, Map<Integer, String> names, QualifiedName table) {
        long[] numbers = numbers(attributeNumbers);
        List<String> columns = new ArrayList<>(numbers.length);
        for (long number : numbers) columns.add(column(names, (int) number, table));
        return columns;
    }

    static String column(Map<Integer, String> names, int number, QualifiedName table) {
        String name = names.get(number);
        if (name == null) throw new RetortException("the catalog names no column " + number + " of table " + table);
        return name;
    }

    /** PostgreSQL's vector text ({@code int2vector}, {@code oidvector}) or a joined array: numbers separated by spaces. */
    static long[] numbers(String text) {
        if (text == null || text.isEmpty()) return new long[0];
        String[] parts = text.split(" ");
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) numbers[i] = Long.parseLong(parts[i]);
        return numbers;
    }

    static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    /** A statement whose every parameter is the array of schemas in scope. */
    static PreparedStatement prepare(Connection connection, String sql, SchemaScope scope) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        try {
            Array schemas = connection.createArrayOf("text", scope.schemas().toArray());
            for (int i = 1, n = (int) sql.chars().filter(c -> c == '?').count(); i <= n; i++) st.setArray(i, schemas);
            return st;
        } catch (SQLException e) {
            st.close();
            throw e;
        }
    }
}
