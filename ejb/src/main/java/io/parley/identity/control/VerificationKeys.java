package io.parley.identity.control;

import io.parley.platform.entity.UtcClock;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands MicroProfile JWT the public keys it verifies console tokens with ({@code mp.jwt.verify.publickey}, a JWKS),
 * read from the database whenever it asks: the keys that still verify (a rotated key until the tokens it signed have
 * expired), the one that will sign next included. The keys are created at first start, after configuration is read, so they
 * cannot be a static property; and Payara reads this property while deploying, through a class loader of its own,
 * so a value handed over in memory would not reach it. Payara keeps what it read for a while (MicroProfile JWT
 * for ten seconds, publicKey.cache.ttl in payara-mp-jwt.properties; configuration values not at all, see {@code mp.config.cache.duration}). Registered in META-INF/services.
 */
public class VerificationKeys implements ConfigSource {

    static final String PROPERTY = "mp.jwt.verify.publickey";
    private static final Logger LOG = System.getLogger(VerificationKeys.class.getName());
    private static final String DATA_SOURCE = "jdbc/parley";
    private static volatile Map<String, PublicKey> lastRead = Map.of();

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        String value = getValue(PROPERTY);
        return value == null ? Map.of() : Map.of(PROPERTY, value);
    }

    @Override
    public String getValue(String propertyName) {
        if (!PROPERTY.equals(propertyName)) {
            return null;
        }
        Map<String, PublicKey> keys = read();
        return keys.isEmpty() ? null : RsaKeys.jwks(keys);
    }

    @Override
    public String getName() {
        return "parley-signing-keys";
    }

    /**
     * The keys, or the ones read last when the database cannot be read now (an outage must not sign everybody out when
     * Payara asks again), or none before the first read succeeded.
     */
    private static Map<String, PublicKey> read() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try (Connection connection = ((DataSource) new InitialContext().lookup(DATA_SOURCE)).getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, public_key FROM signing_keys WHERE verifies_until IS NULL OR verifies_until > ? ORDER BY signs_from DESC")) {
            statement.setObject(1, UtcClock.now());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.put(rows.getString(1), RsaKeys.publicKey(rows.getString(2)));
                }
            }
        } catch (NamingException | SQLException unreadable) {
            // early in deployment (no data source or schema yet: none read before) or the database away for a moment
            LOG.log(Level.DEBUG, "Signing keys not readable now: {0}", unreadable.toString());
            return lastRead;
        }
        lastRead = Map.copyOf(keys);
        return keys;
    }
}
