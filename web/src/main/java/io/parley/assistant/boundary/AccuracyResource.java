package io.parley.assistant.boundary;

import io.parley.assistant.entity.BotAnswer;
import io.parley.assistant.entity.LlmAttempt;
import io.parley.assistant.entity.Provider;
import io.parley.assistant.entity.ResponseType;
import io.parley.identity.boundary.Caller;
import io.parley.platform.boundary.QueryParameters;
import io.parley.platform.entity.UtcClock;
import io.parley.platform.entity.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * The accuracy log: admins list it (newest first, filtered) and see each provider's error rate and latency; agents
 * and admins mark an answer of the assistant correct or incorrect, by the id of its message.
 */
@Path("admin/accuracy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccuracyResource {

    @Inject
    AccuracyLog log;

    @Inject
    Caller caller;

    /**
     * {@code responseType}: auto_reply, llm or fallback; {@code provider}: openai, gemini or anthropic; times ISO-8601;
     * {@code marked}: true for the answers a person marked, false for the others.
     */
    @GET
    @RolesAllowed("admin")
    public Page<EntryView> find(@QueryParam("responseType") String responseType, @QueryParam("provider") String provider,
                                @QueryParam("sessionId") String sessionId, @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("marked") @Pattern(regexp = "true|false", message = "must be true or false") String marked,
                                @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        AccuracyLog.Filter filter = new AccuracyLog.Filter(responseType == null ? null : ResponseType.fromWire(responseType),
                provider == null ? null : Provider.fromWire(provider), sessionId,
                QueryParameters.utc("from", from), QueryParameters.utc("to", to), marked == null ? null : Boolean.valueOf(marked));
        return log.find(filter, page, size).map(EntryView::of);
    }

    /** Per provider over the last {@code days} days (default 7): calls, failed calls, error rate, average latency. */
    @GET
    @Path("providers")
    @RolesAllowed("admin")
    public List<ProviderView> providers(@QueryParam("days") @DefaultValue("7") @Min(1) @Max(366) int days) {
        return log.providers(UtcClock.now().minusDays(days)).stream()
                .map(figures -> new ProviderView(figures.provider().wireName(), figures.calls(), figures.failures(), figures.errorRate(),
                        Math.round(figures.averageLatencyMs())))
                .toList();
    }

    /**
     * Per configuration of the fleet (by its id) over the last {@code days} days (default 7): calls, failed calls, error
     * rate, average latency. A configuration without calls is not listed.
     */
    @GET
    @Path("configs")
    @RolesAllowed("admin")
    public List<ConfigFiguresView> configs(@QueryParam("days") @DefaultValue("7") @Min(1) @Max(366) int days) {
        return log.configurations(UtcClock.now().minusDays(days)).stream()
                .map(figures -> new ConfigFiguresView(figures.configId(), figures.calls(), figures.failures(), figures.errorRate(),
                        Math.round(figures.averageLatencyMs())))
                .toList();
    }

    /** What the assistant has cost in one conversation: calls to providers (failed ones too) and tokens in and out. */
    @GET
    @Path("sessions/{sessionId}/cost")
    @RolesAllowed("admin")
    public CostView cost(@PathParam("sessionId") @Size(max = 36) String sessionId) {
        AccuracyLog.SessionCost cost = log.cost(sessionId);
        return new CostView(sessionId, cost.calls(), cost.tokensIn(), cost.tokensOut());
    }

    @PUT
    @Path("{messageId}/mark")
    @RolesAllowed({"admin", "agent"})
    public EntryView mark(@PathParam("messageId") String messageId, @NotNull @Valid Mark mark) {
        return EntryView.of(log.mark(caller.user(), caller.actor(), messageId, mark.correct(), mark.comment()));
    }

    public record Mark(@NotNull Boolean correct, @Size(max = 1000) String comment) {
    }

    /**
     * {@code question}: the start of the visitor's message the answer followed; {@code answer}: the start of the answer
     * (each null if there is none); {@code helpful}: the visitor's thumbs on it; {@code rating} and {@code ratingComment}:
     * the visitor's rating of the whole conversation.
     */
    public record EntryView(String id, String sessionId, String messageId, String responseType, String provider, String model,
                            int latencyMs, Integer firstTokenMs, Integer tokensIn, Integer tokensOut, Double confidence,
                            int failoverAttempts, String handoffReason, Boolean helpful, String humanMark, String humanComment,
                            String markedBy, Instant at, List<AttemptView> attempts, String question, String answer,
                            Integer rating, String ratingComment) {

        static EntryView of(AccuracyLog.Entry entry) {
            BotAnswer answer = entry.answer();
            return new EntryView(answer.id(), answer.sessionId(), answer.messageId(), answer.responseType().wireName(),
                    answer.provider() == null ? null : answer.provider().wireName(), answer.model(), answer.latencyMs(), answer.firstTokenMs(),
                    answer.tokensIn(), answer.tokensOut(), answer.confidence(), answer.failoverAttempts(), answer.handoffReason(),
                    answer.helpful(), answer.humanMark(), answer.humanComment(), answer.markedBy(), UtcClock.instant(answer.createdAt()),
                    entry.attempts().stream().map(AttemptView::of).toList(), entry.question(), entry.text(), entry.rating(),
                    entry.ratingComment());
        }
    }

    /** One call to a provider for the answer: {@code outcome} ok, refused, rate_limited, unavailable, broken_stream, ... */
    public record AttemptView(String provider, String model, String outcome, String error, int latencyMs) {

        static AttemptView of(LlmAttempt attempt) {
            return new AttemptView(attempt.provider().wireName(), attempt.model(), attempt.outcome().wireName(), attempt.error(), attempt.latencyMs());
        }
    }

    public record CostView(String sessionId, long modelCalls, long tokensIn, long tokensOut) {
    }

    public record ProviderView(String provider, long calls, long failures, double errorRate, long averageLatencyMs) {
    }

    public record ConfigFiguresView(String configId, long calls, long failures, double errorRate, long averageLatencyMs) {
    }
}
