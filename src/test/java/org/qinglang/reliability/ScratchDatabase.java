package org.qinglang.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database made fresh for one test and dropped after it, on the server the lifecycle
 * test uses. Where no server answers the test is skipped, except on CI, where that is a failure.
 */
final class ScratchDatabase implements AutoCloseable {

    static final String SERVER = System.getenv().getOrDefault("QINGLANG_TEST_PG_SERVER", "127.0.0.1:5432");
    static final String USER = System.getenv().getOrDefault("QINGLANG_TEST_PG_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("QINGLANG_TEST_PG_PASSWORD", "");

    private final String name;

    private ScratchDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code qinglang_reliability_<purpose>_<random>}, so that builds running side by side never share one. */
    static ScratchDatabase create(String purpose) {
        String name = "qinglang_reliability_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException unreachable) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI must run the reliability tests on PostgreSQL: " + unreachable,
                        unreachable);
            }
            Assumptions.abort("no PostgreSQL at " + SERVER + ": " + unreachable.getMessage());
        }
        return new ScratchDatabase(name);
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, PASSWORD);
    }

    String url() {
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }

    /** The application's settings for this database, as command line arguments. */
    List<String> applicationArguments() {
        return List.of("--spring.datasource.url=" + url(), "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /** Rows of a query as maps from lower-case column name to value. */
    List<Map<String, Object>> rows(String query, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnLabel(c).toLowerCase(), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** A two-column query as a map from the first column to the second. */
    <K, V> Map<K, V> map(String query, Object... parameters) {
        Map<K, V> map = new LinkedHashMap<>();
        for (Map<String, Object> row : rows(query, parameters)) {
            List<Object> values = new ArrayList<>(row.values());
            @SuppressWarnings("unchecked")
            K key = (K) values.get(0);
            @SuppressWarnings("unchecked")
            V value = (V) values.get(1);
            map.put(key, value);
        }
        return map;
    }

    long count(String query, Object... parameters) {
        return ((Number) rows(query, parameters).get(0).values().iterator().next()).longValue();
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
