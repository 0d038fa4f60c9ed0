package io.parley.systemtest.support;

import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class on the server all MariaDB tests share: the server, its API and a token of the first admin; the server's
 * log must have no SEVERE line once the class is done.
 */
@ExtendWith(ParleyOnMariaDb.class)
public abstract class OnTheSharedParley {

    protected static RunningParley parley;
    protected static Api api;
    protected static String admin;

    @BeforeAll
    static void sharedParley(RunningParley running) {
        parley = running;
        api = running.api();
        admin = running.adminToken();
    }

    @AfterAll
    static void noServerErrors() {
        parley.server().assertLogClean();
    }
}
