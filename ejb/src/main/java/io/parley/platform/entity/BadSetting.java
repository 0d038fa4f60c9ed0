package io.parley.platform.entity;

import java.util.Locale;

/** A setting Parley cannot start with: which one (by its environment variable and its key) and why, in one line. */
public class BadSetting extends RuntimeException {

    public BadSetting(String key, String why) {
        super("Parley cannot start: the setting " + environmentVariable(key) + " (" + key + ") " + why);
    }

    /** The environment variable MicroProfile Config reads a key from: upper case, anything else than letters and digits as _. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
