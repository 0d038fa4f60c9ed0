/**
 * Secrets at rest: envelope encryption (AES-256-GCM, a fresh data key per record, wrapped by the master key
 * from {@code MASTER_KEY_BASE64}) for everything Parley must keep but must not store in clear — the token
 * signing key now, LLM API keys and conversation text later.
 */
package io.parley.secrets;
