package io.parley.platform.control;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Turns off EclipseLink's own retry of a read that failed for want of the database. By default it reconnects and tries
 * again three times, five seconds apart, which held a visitor's socket (and a REST call) for up to fifteen seconds
 * while the database was away, so the client was neither answered nor told to try again. The pool finds and drops dead
 * connections itself (payara-config/datasource-mysql.asadmin), and clients send again when told the service is
 * unavailable (docs/protocol.md), so the read fails at once instead. EclipseLink offers no property for this: a
 * customizer is its way (persistence.xml).
 */
public class NoReadRetries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
