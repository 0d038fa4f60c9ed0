package io.parley.secrets.boundary;

import io.parley.secrets.control.Envelope;
import io.parley.secrets.control.MasterKeySource;
import io.parley.secrets.entity.SecretsException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals and opens secrets with the master key. Without a usable master key the deployment fails at start-up
 * with a message that says how to create one, rather than at the first secret.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Secrets {

    private static final Logger LOG = System.getLogger(Secrets.class.getName());

    @Inject
    @ConfigProperty(name = "master.key.base64")
    Optional<String> masterKeyBase64;

    @Inject
    @ConfigProperty(name = "parley.data-dir", defaultValue = "data")
    String dataDir;

    @Resource(lookup = "jdbc/parley")
    DataSource dataSource;

    private Envelope envelope;

    @PostConstruct
    void loadMasterKey() {
        try {
            MasterKeySource.Resolved resolved = MasterKeySource.resolve(masterKeyBase64, embeddedDatabase(), Path.of(dataDir));
            resolved.createdFile().ifPresent(file -> LOG.log(Level.WARNING,
                    "No MASTER_KEY_BASE64 is set: created a master key for the embedded database in {0}. Keep it with the data;"
                            + " for a real installation set MASTER_KEY_BASE64 (openssl rand -base64 32).", file.toAbsolutePath()));
            envelope = new Envelope(resolved.key());
            LOG.log(Level.INFO, "Secrets are sealed with master key {0}", resolved.key().id());
        } catch (SecretsException e) {
            LOG.log(Level.ERROR, "Parley cannot start: {0}", e.getMessage());
            throw e;
        }
    }

    public String seal(String plaintext) {
        return envelope.seal(plaintext);
    }

    /** @throws SecretsException naming the problem when the record is damaged or needs another master key */
    public String open(String sealed) {
        return envelope.openText(sealed);
    }

    /**
     * The secret, or nothing when it cannot be opened (damaged, or sealed with another master key), for callers that can
     * go on without it; the problem is logged as {@code whose}'s. Refused here rather than thrown: an exception out of
     * this bean would mark the caller's transaction for rollback.
     */
    public Optional<String> openIfPossible(String sealed, String whose) {
        try {
            return Optional.of(envelope.openText(sealed));
        } catch (SecretsException e) {
            LOG.log(Level.WARNING, "{0} cannot be opened and is left out: {1}", whose, e.getMessage());
            return Optional.empty();
        }
    }

    private boolean embeddedDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not answer", e);
        }
    }
}
