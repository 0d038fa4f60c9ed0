/**
 * The console's people over HTTP: sign-in, the signed-in person's own account, user management and the audit log
 * for admins.
 */
package io.parley.identity;
