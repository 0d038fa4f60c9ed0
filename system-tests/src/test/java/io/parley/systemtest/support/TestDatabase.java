package io.parley.systemtest.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own on the test MariaDB server, with an account of its own that may use only that database,
 * created fresh for one test run and dropped afterwards.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String HOST = System.getProperty("test.db.host", "127.0.0.1");
    private static final String PORT = System.getProperty("test.db.port", "3306");
    static final String USER = System.getProperty("test.db.user", "root");
    static final String PASSWORD = System.getProperty("test.db.password", "");

    private final String name;
    private final String password;

    private TestDatabase(String name, String password) {
        this.name = name;
        this.password = password;
    }

    public static TestDatabase create() {
        // at most 32 characters: the longest account name MySQL accepts
        String name = "parley_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        String password = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + password + "'");
            s.execute("GRANT ALL PRIVILEGES ON " + name + ".* TO '" + name + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + serverUrl()
                    + " - is MariaDB running? (./parley test starts it)", e);
        }
        return new TestDatabase(name, password);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:mysql://" + HOST + ":" + PORT + "/" + name;
    }

    /** The environment that points Parley at this database, with the database's own account. */
    public Map<String, String> environment() {
        return Map.of("DB_URL", jdbcUrl(), "DB_USER", name, "DB_PASSWORD", password);
    }

    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD)) {
            return rows(c, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows of a query on a connection; columns by their lower-case labels. */
    static List<Map<String, Object>> rows(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters)) {
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnLabel(column).toLowerCase(), rows.getObject(column));
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    /** Changes rows behind the server's back (a test that damages what the server stored); returns how many. */
    public int update(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
             PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    public long count(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("DROP USER IF EXISTS '" + name + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name, e);
        }
    }

    private static String serverUrl() {
        return "jdbc:mysql://" + HOST + ":" + PORT + "/";
    }
}
