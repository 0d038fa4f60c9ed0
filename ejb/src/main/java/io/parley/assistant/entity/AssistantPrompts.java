package io.parley.assistant.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The one row of the assistant's prompts (id 1, created by the schema migration); null stands for the default. */
@Entity
@Table(name = "assistant_prompts")
public class AssistantPrompts {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "system_prompt")
    private String systemPrompt;

    @Column(name = "context_limit")
    private Integer contextLimit;

    @Column(name = "image_prompt")
    private String imagePrompt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected AssistantPrompts() {
    }

    public void systemPrompt(String text, String userId) {
        this.systemPrompt = text;
        changedBy(userId);
    }

    public void contextLimit(int messages, String userId) {
        this.contextLimit = messages;
        changedBy(userId);
    }

    public void imagePrompt(String text, String userId) {
        this.imagePrompt = text;
        changedBy(userId);
    }

    private void changedBy(String userId) {
        this.updatedAt = UtcClock.now();
        this.updatedBy = userId;
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    public Integer contextLimit() {
        return contextLimit;
    }

    public String imagePrompt() {
        return imagePrompt;
    }
}
