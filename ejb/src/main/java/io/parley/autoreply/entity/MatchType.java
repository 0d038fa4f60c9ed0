package io.parley.autoreply.entity;

/** How a canned response's trigger is compared with what a visitor wrote. */
public enum MatchType {
    /** The whole message is the trigger. */
    EXACT,
    /** The message contains the trigger as a phrase of whole words. */
    PARTIAL,
    /** The trigger is a comma-separated list of words; any one of them in the message matches. */
    KEYWORD
}
