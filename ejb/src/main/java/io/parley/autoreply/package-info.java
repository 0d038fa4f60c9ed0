/**
 * Canned responses and the in-memory auto-reply engine (exact, partial and keyword matching)
 * that answers before any LLM is asked.
 */
package io.parley.autoreply;
