package io.parley.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * What an admin sees of the running Parley on the System page: its version, the database (product and version, never
 * its address or account), the readiness checks of {@code /health/ready}, the members of the cluster, and the HTTP
 * surface's origins and TLS setting. Nothing secret is read, so nothing secret can be shown.
 */
@ApplicationScoped
public class SystemOverview {

    private static final String VERSION_FILE = "/io/parley/platform/version.properties";

    @Resource(lookup = "jdbc/parley")
    DataSource dataSource;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    HttpPolicy policy;

    private String version;

    public Overview now() {
        List<Check> checks = readiness.stream().map(HealthCheck::call)
                .map(response -> new Check(response.getName(), response.getStatus() == HealthCheckResponse.Status.UP, data(response)))
                .sorted(Comparator.comparing(Check::name)).toList();
        return new Overview(version(), database(), checks.stream().allMatch(Check::up), checks, cluster(),
                new Origins(policy.consoleOrigins().listed(), policy.widgetOrigins().any(), policy.widgetOrigins().listed()),
                policy.forceTls());
    }

    private String version() {
        if (version == null) {
            try (InputStream file = SystemOverview.class.getResourceAsStream(VERSION_FILE)) {
                Properties properties = new Properties();
                properties.load(file);
                version = properties.getProperty("version");
            } catch (IOException e) {
                throw new UncheckedIOException("The build's version file cannot be read", e);
            }
        }
        return version;
    }

    /** The database's product and version as its driver reports them; null fields when it cannot be reached now. */
    private Database database() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName();
            String productVersion = meta.getDatabaseProductVersion();
            // MySQL's driver reports MariaDB as MySQL, with the version "5.5.5-10.11.6-MariaDB-1"
            if (productVersion.contains("MariaDB")) {
                product = "MariaDB";
                productVersion = productVersion.replaceFirst("^5\\.5\\.5-", "").replaceFirst("-MariaDB.*$", "");
            }
            return new Database(product, productVersion, product.toLowerCase(Locale.ROOT).equals("h2"), meta.getDriverName() + " " + meta.getDriverVersion());
        } catch (SQLException unreachable) {
            return new Database(null, null, false, null);
        }
    }

    private static Map<String, String> data(HealthCheckResponse response) {
        Map<String, String> data = new TreeMap<>();
        response.getData().ifPresent(values -> values.forEach((key, value) -> data.put(key, String.valueOf(value))));
        return data;
    }

    /** The data grid's members; this node alone when Payara runs without one. */
    private static Cluster cluster() {
        try {
            return ClusterMembers.find().map(members -> new Cluster(true, members)).orElseGet(SystemOverview::thisNodeAlone);
        } catch (LinkageError noGridClasses) {
            return thisNodeAlone();
        }
    }

    private static Cluster thisNodeAlone() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return new Cluster(false, List.of(new Member(host, null, true)));
    }

    /** {@code ready}: every check is up, as {@code /health/ready} answers 200. */
    public record Overview(String version, Database database, boolean ready, List<Check> health, Cluster cluster,
                           Origins origins, boolean tlsRequired) {
    }

    /** {@code driver}: the JDBC driver's name and version. Nulls: the database did not answer. */
    public record Database(String product, String version, boolean embedded, String driver) {
    }

    /** A readiness check as {@code /health/ready} has it: its name, whether it is up, what it says besides. */
    public record Check(String name, boolean up, Map<String, String> data) {
    }

    /** {@code clustered}: the members are the data grid's; otherwise this node alone. */
    public record Cluster(boolean clustered, List<Member> members) {
    }

    /** A node: its host, its address in the grid (none outside one), whether it is the one answering. */
    public record Member(String host, String address, boolean local) {
    }

    /**
     * The origins allowed besides Parley's own: for the console ({@code CORS_ALLOWED_ORIGINS}) and for the widget
     * ({@code WIDGET_ALLOWED_ORIGINS}, where {@code widgetAny} means every site).
     */
    public record Origins(List<String> console, boolean widgetAny, List<String> widget) {
    }
}
