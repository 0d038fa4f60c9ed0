package io.parley.assistant.boundary;

import io.parley.assistant.entity.AssistantPrompts;
import io.parley.identity.boundary.AuditLog;
import io.parley.identity.entity.Actor;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the assistant is told: the system prompt, how many of the latest messages it sees (the context limit) and
 * what it is asked about an image. Admins change them (audited); until they do, the configured defaults apply.
 */
@Stateless
public class Prompts {

    public static final int MAX_CONTEXT_LIMIT = 100;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "parley.assistant.system-prompt")
    String defaultSystemPrompt;

    @Inject
    @ConfigProperty(name = "parley.assistant.context-limit")
    int defaultContextLimit;

    @Inject
    @ConfigProperty(name = "parley.assistant.image-prompt")
    String defaultImagePrompt;

    public Current current() {
        AssistantPrompts prompts = em.find(AssistantPrompts.class, AssistantPrompts.ID);
        return new Current(prompts.systemPrompt() == null ? defaultSystemPrompt : prompts.systemPrompt(),
                prompts.contextLimit() == null ? defaultContextLimit : prompts.contextLimit(),
                prompts.imagePrompt() == null ? defaultImagePrompt : prompts.imagePrompt());
    }

    public String changeSystemPrompt(Actor actor, String text) {
        em.find(AssistantPrompts.class, AssistantPrompts.ID).systemPrompt(text, actor.userId());
        audit.record(actor, "assistant.system-prompt", "assistant", text.length() + " characters");
        return text;
    }

    public int changeContextLimit(Actor actor, int messages) {
        em.find(AssistantPrompts.class, AssistantPrompts.ID).contextLimit(messages, actor.userId());
        audit.record(actor, "assistant.context-limit", "assistant", messages + " messages");
        return messages;
    }

    public String changeImagePrompt(Actor actor, String text) {
        em.find(AssistantPrompts.class, AssistantPrompts.ID).imagePrompt(text, actor.userId());
        audit.record(actor, "assistant.image-prompt", "assistant", text.length() + " characters");
        return text;
    }

    public record Current(String systemPrompt, int contextLimit, String imagePrompt) {
    }
}
