package io.parley.systemtest.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class on the Parley with short timers that such classes share ({@link ParleyWithShortTimers}): the server, its
 * API and a token of the first admin; the server's log must have no SEVERE line once the class is done.
 */
@ExtendWith(ParleyWithShortTimers.class)
public abstract class OnTheParleyWithShortTimers {

    protected static OwnParley parley;
    protected static Api api;
    protected static String admin;

    @BeforeAll
    static void parleyWithShortTimers(OwnParley running) {
        parley = running;
        api = running.api();
        admin = running.freshAdminToken();
    }

    @AfterAll
    static void noServerErrors() {
        parley.server().assertLogClean();
    }
}
