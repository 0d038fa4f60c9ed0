package io.parley.systemtest.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The environment a test starts Parley with on a database server: the database, a master key and the first admin. */
public final class ParleyEnvironment {

    public static final String ADMIN_EMAIL = "admin@parley.test";
    public static final String ADMIN_PASSWORD = "first test passphrase 7fQ";

    private ParleyEnvironment() {
    }

    public static Map<String, String> on(TestDatabase database) {
        return on(database.environment());
    }

    /** @param database DB_URL, DB_USER and DB_PASSWORD of a database that is not a {@link TestDatabase} */
    public static Map<String, String> on(Map<String, String> database) {
        Map<String, String> environment = new HashMap<>(database);
        environment.put("MASTER_KEY_BASE64", newMasterKey());
        environment.put("PARLEY_ADMIN_EMAIL", ADMIN_EMAIL);
        environment.put("PARLEY_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return environment;
    }

    public static String newMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
