package io.parley.platform.control;

import io.parley.platform.entity.BadSetting;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * First of all at start: settings that would break Parley stop it with one line that names them ({@link StartSettings},
 * {@link BadSettings}). A CDI extension that checks them when bean discovery begins, because that is before anything
 * else of the application runs — in particular before CDI validates the injection points, where MicroProfile Config
 * refuses a value it cannot convert at all ({@code soon} for a number of seconds) with a stack trace of its own.
 */
public class SettingsCheck implements Extension {

    void check(@Observes BeforeBeanDiscovery discovery) {
        Config config = ConfigProvider.getConfig();
        try {
            StartSettings.check(key -> config.getOptionalValue(key, String.class));
        } catch (BadSetting bad) {
            throw BadSettings.stop(bad, config.getOptionalValue(BadSettings.EXIT, Boolean.class).orElse(false));
        }
    }
}
