/**
 * The people behind the console: accounts with roles ({@code admin}, {@code agent}), password login and the signed
 * tokens it hands out, preferences, the history of role changes, and the audit log of what admins did.
 */
package io.parley.identity;
