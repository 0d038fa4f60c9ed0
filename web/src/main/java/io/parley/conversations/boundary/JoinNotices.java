package io.parley.conversations.boundary;

import io.parley.conversations.entity.ChatMessage;
import io.parley.identity.entity.User;
import io.parley.push.boundary.Push;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a conversation that an agent has taken it up: the visitor gets the stored notice as {@code system_message} with
 * {@code event: "agent_joined"} and the agent's name, the agents on it the new message.
 */
@ApplicationScoped
public class JoinNotices {

    @Inject
    Push push;

    /** @param notice the stored notice, if the agent's taking up made one (see {@link Desk}) */
    public void announce(Optional<ChatMessage> notice, User agent) {
        notice.map(WireMessage::of).ifPresent(message ->
                push.notice(message, Map.of("offers", List.of(), "event", "agent_joined", "agentName", agent.name())));
    }
}
