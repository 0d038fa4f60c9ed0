package io.parley.systemtest.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the three providers send, as they send it: the bodies and server-sent event streams of OpenAI Chat Completions,
 * Gemini generateContent / streamGenerateContent?alt=sse and Anthropic Messages, with the fields real responses carry
 * (ids, fingerprints, safety ratings, pings) around the ones Parley reads. Built from the text to answer, cut into the
 * pieces a stream delivers.
 */
public final class LlmWire {

    /** The start of what the fleet is asked for a summary at handoff (parley.assistant.handoff-summary-prompt). */
    public static final String SUMMARY_INSTRUCTION = "A colleague is taking over this support conversation";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmWire() {
    }

    /**
     * An OpenAI-compatible server at {@code path} of {@code llm}: a streamed question is answered with {@code answer}
     * (sure of it, no suggestions), any other request (a health check) with "OK".
     */
    public static void answersAt(WireMockServer llm, String path, String answer) {
        llm.stubFor(post(urlEqualTo(path + "/chat/completions")).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(openAiCompletion("OK", 12, 1))));
        llm.stubFor(post(urlEqualTo(path + "/chat/completions")).withRequestBody(containing("\"stream\":true")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(openAiStream(pieces(structured(answer, List.of(), "answer", 0.9), 6), 40, 12))));
    }

    /** {@code text} cut into {@code count} pieces of about the same length, as a stream delivers it. */
    public static List<String> pieces(String text, int count) {
        List<String> pieces = new ArrayList<>();
        int size = Math.max(1, (int) Math.ceil(text.length() / (double) count));
        for (int i = 0; i < text.length(); i += size) {
            pieces.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return pieces;
    }

    /** The structured reply Parley asks models for. */
    public static String structured(String answer, List<String> suggestions, String action, double confidence) {
        ObjectNode reply = JSON.createObjectNode().put("answer", answer);
        suggestions.forEach(reply.putArray("suggestions")::add);
        return reply.put("action", action).put("confidence", confidence).toString();
    }

    public static String openAiCompletion(String text, int tokensIn, int tokensOut) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG").put("object", "chat.completion")
                .put("created", 1764547200).put("model", "gpt-4o-mini-2024-07-18").put("system_fingerprint", "fp_0ba0d124f1");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text).putNull("refusal").putArray("annotations");
        choice.putNull("logprobs").put("finish_reason", "stop");
        openAiUsage(body.putObject("usage"), tokensIn, tokensOut);
        return body.toString();
    }

    /** Chunks with {@code delta.content}, one with {@code finish_reason}, the usage chunk, then {@code [DONE]}. */
    public static String openAiStream(List<String> pieces, int tokensIn, int tokensOut) {
        StringBuilder sse = new StringBuilder();
        sse.append(openAiEvent(chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null)));
        pieces.forEach(piece -> sse.append(openAiEvent(chunk(JSON.createObjectNode().put("content", piece), null))));
        sse.append(openAiEvent(chunk(JSON.createObjectNode(), "stop")));
        ObjectNode usage = openAiChunkFrame();
        usage.putArray("choices");
        openAiUsage(usage.putObject("usage"), tokensIn, tokensOut);
        sse.append(openAiEvent(usage));
        return sse.append("data: [DONE]\n\n").toString();
    }

    /** The stream of an answer that breaks off: the first pieces, then nothing — no finish_reason, no [DONE]. */
    public static String openAiBrokenStream(List<String> pieces) {
        StringBuilder sse = new StringBuilder();
        pieces.forEach(piece -> sse.append(openAiEvent(chunk(JSON.createObjectNode().put("content", piece), null))));
        return sse.toString();
    }

    public static String openAiError(String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).putNull("param").put("code", type);
        return body.toString();
    }

    public static String geminiResponse(String text, int tokensIn, int tokensOut) {
        return geminiChunk(text, "STOP", tokensIn, tokensOut).toString();
    }

    /** One {@code GenerateContentResponse} per piece, the last with {@code finishReason} and the full usage; CRLF as Google sends. */
    public static String geminiStream(List<String> pieces, int tokensIn, int tokensOut) {
        StringBuilder sse = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            sse.append("data: ").append(geminiChunk(pieces.get(i), last ? "STOP" : null, tokensIn, last ? tokensOut : null)).append("\r\n\r\n");
        }
        return sse.toString();
    }

    public static String anthropicMessage(String text, int tokensIn, int tokensOut) {
        ObjectNode body = JSON.createObjectNode().put("id", "msg_01XFDUDYJgAACzvnptvVoYEL").put("type", "message").put("role", "assistant")
                .put("model", "claude-3-5-haiku-20241022");
        body.putArray("content").addObject().put("type", "text").put("text", text);
        body.put("stop_reason", "end_turn").putNull("stop_sequence");
        anthropicUsage(body.putObject("usage"), tokensIn, tokensOut);
        return body.toString();
    }

    /** message_start, content_block_start, ping, a text_delta per piece, content_block_stop, message_delta, message_stop. */
    public static String anthropicStream(List<String> pieces, int tokensIn, int tokensOut) {
        StringBuilder sse = new StringBuilder();
        sse.append(anthropicStart(tokensIn));
        pieces.forEach(piece -> sse.append(anthropicDelta(piece)));
        sse.append(anthropicEvent("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0)));
        ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", tokensOut);
        sse.append(anthropicEvent("message_delta", delta));
        return sse.append(anthropicEvent("message_stop", JSON.createObjectNode().put("type", "message_stop"))).toString();
    }

    /** An answer Anthropic gives up on midway: the first pieces, then an {@code error} event (overloaded). */
    public static String anthropicOverloadedMidway(List<String> pieces) {
        StringBuilder sse = new StringBuilder(anthropicStart(10));
        pieces.forEach(piece -> sse.append(anthropicDelta(piece)));
        ObjectNode error = JSON.createObjectNode().put("type", "error");
        error.putObject("error").put("type", "overloaded_error").put("message", "Overloaded");
        return sse.append(anthropicEvent("error", error)).toString();
    }

    private static String anthropicStart(int tokensIn) {
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message").put("id", "msg_01XFDUDYJgAACzvnptvVoYEL").put("type", "message").put("role", "assistant")
                .put("model", "claude-3-5-haiku-20241022");
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        anthropicUsage(message.putObject("usage"), tokensIn, 1);
        ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        return anthropicEvent("message_start", start) + anthropicEvent("content_block_start", blockStart)
                + anthropicEvent("ping", JSON.createObjectNode().put("type", "ping"));
    }

    private static String anthropicDelta(String piece) {
        ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "text_delta").put("text", piece);
        return anthropicEvent("content_block_delta", delta);
    }

    private static String anthropicEvent(String type, ObjectNode data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }

    private static void anthropicUsage(ObjectNode usage, int tokensIn, int tokensOut) {
        usage.put("input_tokens", tokensIn).put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 0).put("output_tokens", tokensOut);
    }

    private static ObjectNode geminiChunk(String text, String finishReason, int tokensIn, Integer tokensOut) {
        ObjectNode chunk = JSON.createObjectNode();
        ObjectNode candidate = chunk.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
            ArrayNode ratings = candidate.putArray("safetyRatings");
            for (String category : List.of("HARM_CATEGORY_HATE_SPEECH", "HARM_CATEGORY_DANGEROUS_CONTENT", "HARM_CATEGORY_HARASSMENT")) {
                ratings.addObject().put("category", category).put("probability", "NEGLIGIBLE");
            }
        }
        candidate.put("index", 0);
        ObjectNode usage = chunk.putObject("usageMetadata").put("promptTokenCount", tokensIn);
        if (tokensOut != null) {
            usage.put("candidatesTokenCount", tokensOut);
        }
        usage.put("totalTokenCount", tokensIn + (tokensOut == null ? 0 : tokensOut));
        return chunk.put("modelVersion", "gemini-2.0-flash").put("responseId", "yw0lZ8fJEOmvmtkPxeOkqQ4");
    }

    private static ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = openAiChunkFrame();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        chunk.putNull("usage");
        return chunk;
    }

    private static ObjectNode openAiChunkFrame() {
        return JSON.createObjectNode().put("id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG").put("object", "chat.completion.chunk")
                .put("created", 1764547200).put("model", "gpt-4o-mini-2024-07-18").put("system_fingerprint", "fp_0ba0d124f1");
    }

    private static String openAiEvent(ObjectNode chunk) {
        return "data: " + chunk + "\n\n";
    }

    private static void openAiUsage(ObjectNode usage, int tokensIn, int tokensOut) {
        usage.put("prompt_tokens", tokensIn).put("completion_tokens", tokensOut).put("total_tokens", tokensIn + tokensOut);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0);
    }
}
