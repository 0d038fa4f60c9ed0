package io.parley.assistant.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerStreamTest {

    private final List<String> shown = new ArrayList<>();
    private final AnswerStream stream = new AnswerStream(shown::add);

    private String feed(String... deltas) {
        for (String delta : deltas) {
            stream.accept(delta);
        }
        return String.join("", shown);
    }

    @Test
    void onlyTheAnswerOfAStructuredReplyReachesTheVisitorAsItArrives() {
        assertThat(feed("{\"ans", "wer\": \"Orders ", "ship in ", "2 days.\", \"sugg", "estions\": [\"Where?\"]}")).isEqualTo("Orders ship in 2 days.");
        assertThat(shown).hasSizeGreaterThan(1);
    }

    @Test
    void escapesAreDecodedEvenWhenADeltaSplitsThem() {
        assertThat(feed("```json\n{\"answer\": \"Line one\\", "nLine \\\"two\\\" caf\\u00", "e9\\\\ done\"}\n```")).isEqualTo("Line one\nLine \"two\" café\\ done");
    }

    @Test
    void proseIsPassedOnAsItIs() {
        assertThat(feed("  ", "Sure, our shop ", "opens at 9.")).isEqualTo("  Sure, our shop opens at 9.");
    }

    @Test
    void nothingAfterTheAnswerIsShown() {
        assertThat(feed("{\"suggestions\": [\"A\"], \"answer\": \"Hi\"", ", \"action\": \"answer\"}")).isEqualTo("Hi");
    }
}
