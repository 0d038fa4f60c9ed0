package io.parley.identity.boundary;

import io.parley.identity.control.Emails;
import io.parley.identity.control.Passwords;
import io.parley.platform.control.BadSettings;
import io.parley.platform.entity.BadSetting;
import io.parley.platform.entity.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the first start, when nobody can sign in yet, creates the admin from {@code PARLEY_ADMIN_EMAIL} and
 * {@code PARLEY_ADMIN_PASSWORD}. Without a password it makes a strong one and prints it once — the only time a
 * password is ever written to the log, because otherwise nobody could sign in; change it after the first sign-in.
 * Both settings are checked on every start: a wrong one stops Parley with one line that names it ({@link BadSettings}).
 */
@Startup
@Singleton
@DependsOn("SigningKeys")
public class FirstAdmin {

    private static final Logger LOG = System.getLogger(FirstAdmin.class.getName());

    @EJB
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "parley.admin.email")
    String email;

    @Inject
    @ConfigProperty(name = "parley.admin.password")
    Optional<String> password;

    @Inject
    Passwords passwords;

    @Inject
    BadSettings badSettings;

    @PostConstruct
    void createIfNobodyExists() {
        requireUsableSettings();
        if (accounts.count() > 0) {
            return;
        }
        boolean generated = given().isEmpty();
        String initial = generated ? passwords.generate() : password.get();
        try {
            accounts.createFirstAdmin(email, initial, generated);
        } catch (EJBException anotherNodeWasFirst) {
            LOG.log(Level.INFO, "Another node created the first admin");
            return;
        }
        if (generated) {
            LOG.log(Level.WARNING, "Created the first admin {0} with the one-time password {1} - sign in at /admin/ and choose your own."
                    + " (Set PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD to choose them.)", email, initial);
        } else {
            LOG.log(Level.INFO, "Created the first admin {0} with the password from PARLEY_ADMIN_PASSWORD", email);
        }
    }

    /** On every start, not only the first: a setting that could not create the admin is wrong all the same. */
    private void requireUsableSettings() {
        String normalized;
        try {
            normalized = Emails.normalize(email);
        } catch (Refusal refused) {
            throw badSettings.stop(new BadSetting("parley.admin.email", "is not an email address"));
        }
        try {
            given().ifPresent(chosen -> passwords.requireAcceptable(chosen, normalized));
        } catch (Refusal refused) {
            throw badSettings.stop(new BadSetting("parley.admin.password", "breaks the password rules: " + refused.getMessage()));
        }
    }

    private Optional<String> given() {
        return password.filter(p -> !p.isBlank());
    }
}
