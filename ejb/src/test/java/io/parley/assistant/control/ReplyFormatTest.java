package io.parley.assistant.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.assistant.control.ReplyFormat.Reply;
import org.junit.jupiter.api.Test;

class ReplyFormatTest {

    @Test
    void aStructuredReplyGivesTheAnswerSuggestionsAndAction() {
        Reply reply = ReplyFormat.read("""
                {"answer": "Orders ship in 2 days.", "suggestions": ["Where is my order?", "Can I return it?"], "action": "answer", "confidence": 0.9}""");
        assertThat(reply.answer()).isEqualTo("Orders ship in 2 days.");
        assertThat(reply.suggestions()).containsExactly("Where is my order?", "Can I return it?");
        assertThat(reply.handoff()).isFalse();
        assertThat(reply.confidence()).isEqualTo(0.9);
    }

    @Test
    void jsonInACodeFenceOrInProseIsFound() {
        assertThat(ReplyFormat.read("```json\n{\"answer\": \"Fenced.\", \"suggestions\": [\"Next?\"]}\n```").answer()).isEqualTo("Fenced.");
        Reply wrapped = ReplyFormat.read("Sure! Here is my reply: {\"answer\": \"Wrapped.\", \"action\": \"handoff\", \"reason\": \"refund over limit\"} Hope that helps.");
        assertThat(wrapped.answer()).isEqualTo("Wrapped.");
        assertThat(wrapped.handoff()).isTrue();
        assertThat(wrapped.reason()).isEqualTo("refund over limit");
    }

    @Test
    void aModelThatIgnoresTheFormatIsTakenAtItsWord() {
        Reply prose = ReplyFormat.read("  Our shop opens at 9 {weekdays} and closes at 5.  ");
        assertThat(prose.answer()).isEqualTo("Our shop opens at 9 {weekdays} and closes at 5.");
        assertThat(prose.suggestions()).isEmpty();
        assertThat(prose.handoff()).isFalse();
        assertThat(prose.confidence()).isNull();
        assertThat(ReplyFormat.read("{\"reply\": \"no answer field\"}").answer()).as("JSON without an answer is prose").isEqualTo("{\"reply\": \"no answer field\"}");
    }

    @Test
    void suggestionsAreAtMostThreeShortDistinctOnes() {
        Reply reply = ReplyFormat.read("{\"answer\": \"Hi\", \"suggestions\": [\"One\", \"One\", \"\", \"" + "x".repeat(200)
                + "\", \"Two\", 3, \"Four\", \"Five\"], \"confidence\": 7}");
        assertThat(reply.suggestions()).containsExactly("One", "Two", "3");
        assertThat(reply.confidence()).as("out of range").isNull();
    }
}
