/**
 * The desk's settings that admins change while Parley runs: business hours (when a visitor asking for a person is
 * queued rather than offered the offline form) and whether the assistant takes a conversation back from an agent.
 */
package io.parley.settings;
