package io.parley.platform.control;

import io.parley.platform.entity.BadSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What happens when Parley cannot start because of a setting: one line in the log that names the setting and says why,
 * then, where the process is Parley's own ({@code parley.exit-on-bad-settings}, set by the Payara Micro start script),
 * the process ends with status 1 at once; elsewhere (Payara Server) the deployment fails and the server carries on.
 * docs/decisions.md says why the process is halted rather than shut down.
 */
@ApplicationScoped
public class BadSettings {

    static final String EXIT = "parley.exit-on-bad-settings";
    private static final Logger LOG = System.getLogger(BadSettings.class.getName());

    @Inject
    @ConfigProperty(name = EXIT)
    boolean exit;

    /** @return the exception that fails the deployment, when the process does not end here */
    public BadSetting stop(BadSetting bad) {
        return stop(bad, exit);
    }

    /** For {@link SettingsCheck}, which runs before any bean exists. */
    static BadSetting stop(BadSetting bad, boolean exit) {
        LOG.log(Level.ERROR, bad.getMessage());
        if (exit) {
            // the console handler has written the line; shutdown hooks would wait for the deployment this thread is in
            Runtime.getRuntime().halt(1);
        }
        return bad;
    }
}
