package io.parley.platform.boundary;

import io.parley.platform.control.BadSettings;
import io.parley.platform.control.StartSettings;
import io.parley.platform.entity.BadSetting;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** First of all at start: settings that would break Parley stop it with one line that names them ({@link StartSettings}). */
@Startup
@Singleton
public class SettingsCheck {

    @Inject
    Config config;

    @Inject
    BadSettings badSettings;

    @PostConstruct
    void check() {
        try {
            StartSettings.check(key -> config.getOptionalValue(key, String.class));
        } catch (BadSetting bad) {
            throw badSettings.stop(bad);
        }
    }
}
