/**
 * The desk's settings that admins change while Parley runs: business hours (when a visitor asking for a person is
 * queued rather than offered the offline form), whether the assistant takes a conversation back from an agent, the
 * welcome message and the widget's look.
 */
package io.parley.settings;
