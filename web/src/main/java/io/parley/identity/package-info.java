/**
 * The console's people over HTTP: sign-in, the access filter every request passes (the caller's token checked against
 * the account as it is now), the signed-in person's own account, user management and the audit log for admins, and
 * the readiness of sign-in.
 */
package io.parley.identity;
