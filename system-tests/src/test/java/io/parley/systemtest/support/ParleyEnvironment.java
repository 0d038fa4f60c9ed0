package io.parley.systemtest.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
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
        // Every test's clients connect from 127.0.0.1, as fast as a program can: to the abuse limits the whole run looks
        // like one script. They are lifted here and tested on a server of their own with its own (LimitsIT).
        for (String limit : LIMITS) {
            environment.put(limit, "1000000000/1s");
        }
        return environment;
    }

    /** The settings of the limits on what one visitor or one address may do (docs/security.md, "Abuse limits"). */
    public static final List<String> LIMITS = List.of("PARLEY_LIMITS_SESSION_MESSAGES", "PARLEY_LIMITS_ADDRESS_MESSAGES",
            "PARLEY_LIMITS_ADDRESS_SESSIONS", "PARLEY_LIMITS_SESSION_AGENT_REQUESTS", "PARLEY_LIMITS_ADDRESS_AGENT_REQUESTS",
            "PARLEY_LIMITS_SESSION_ATTACHMENTS", "PARLEY_LIMITS_SESSION_ATTACHMENT_BYTES", "PARLEY_LIMITS_ADDRESS_ATTACHMENTS",
            "PARLEY_LIMITS_ADDRESS_ATTACHMENT_BYTES", "PARLEY_LIMITS_ADDRESS_TICKETS", "PARLEY_LIMITS_ADDRESS_REFUSALS");

    public static String newMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
