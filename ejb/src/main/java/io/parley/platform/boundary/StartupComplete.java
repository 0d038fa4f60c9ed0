package io.parley.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Marks the end of the application's start: it runs after every other start-up singleton. {@link DependsOn} names
 * those that nothing else depends on, which wait for the rest (naming one twice, directly and through another, makes
 * Payara report a cyclic dependency); a new start-up singleton must be reachable from here. Health checks are polled from the first second, while Payara still builds the EJB
 * containers; calling into one then finds it half built (Payara logs SEVERE "un-sync state of the container"), so a
 * check asks {@link #done()} before it touches an EJB. The flag is static because it must be readable without calling
 * into the container; each deployment has its own class loader and so its own flag.
 */
@Startup
@Singleton
@DependsOn({"FirstAdmin", "FleetSeed", "AutoReplies"})
public class StartupComplete {

    private static volatile boolean done;

    @PostConstruct
    void started() {
        done = true;
    }

    public static boolean done() {
        return done;
    }
}
