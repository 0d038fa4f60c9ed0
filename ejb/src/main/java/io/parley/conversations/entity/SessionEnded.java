package io.parley.conversations.entity;

import io.parley.platform.entity.WireNames;

/** A conversation is over: the visitor ended it, an agent resolved it, or it was idle past the timeout. */
public record SessionEnded(ChatSession session, By by) {

    /** Who or what ended the conversation. */
    public enum By {
        VISITOR, AGENT, EXPIRY;

        public String wireName() {
            return WireNames.of(this);
        }
    }
}
