package io.parley.assistant.boundary;

import io.parley.identity.boundary.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;

/**
 * The assistant's playground for admins: a question answered with the system prompt being edited, streamed as
 * server-sent events — {@code delta} {@code {text}} for each piece of the answer as it comes, then one {@code answer}
 * with what it came to ({@link Playground.Answer}) — and the stream closed. Refusals (bad input, too many questions,
 * no configuration to ask) come before the stream, as {@code application/problem+json}.
 */
@Path("admin/assistant/playground")
@RolesAllowed("admin")
public class PlaygroundResource {

    static final int MAX_QUESTION_LENGTH = 4_000;
    static final int MAX_HISTORY = 20;

    @Inject
    Playground playground;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void ask(@NotNull @Valid Trial trial, @Context SseEventSink sink, @Context Sse sse) {
        playground.ask(caller.actor(), trial.of(),
                delta -> sink.send(sse.newEventBuilder().name("delta").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(Delta.class, new Delta(delta)).build()),
                answer -> sink.send(sse.newEventBuilder().name("answer").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(Playground.Answer.class, answer).build()).whenComplete((sent, failed) -> sink.close()));
    }

    /** {@code contextLimit}: the one being edited (absent: the saved one); {@code history}: the trial conversation so far. */
    public record Trial(@NotBlank @Size(max = PromptsResource.MAX_PROMPT_LENGTH) String systemPrompt,
                        @Min(1) @Max(Prompts.MAX_CONTEXT_LIMIT) Integer contextLimit,
                        @Size(max = MAX_HISTORY) List<@NotNull @Valid Line> history,
                        @NotBlank @Size(max = MAX_QUESTION_LENGTH) String question) {

        Playground.Trial of() {
            return new Playground.Trial(systemPrompt.strip(), contextLimit, history == null ? List.of() : history.stream().map(Line::line).toList(),
                    question.strip());
        }
    }

    /** One earlier message of the trial conversation: the visitor's ({@code user}) or the assistant's. */
    public record Line(@NotNull @Pattern(regexp = "user|assistant", message = "must be user or assistant") String role,
                       @NotBlank @Size(max = MAX_QUESTION_LENGTH) String text) {

        Playground.Line line() {
            return new Playground.Line(role.equals("user"), text);
        }
    }

    public record Delta(String text) {
    }
}
