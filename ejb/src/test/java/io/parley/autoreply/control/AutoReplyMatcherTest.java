package io.parley.autoreply.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.autoreply.entity.CannedResponse;
import io.parley.autoreply.entity.MatchType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoReplyMatcherTest {

    private final AutoReplyMatcher matcher = new AutoReplyMatcher(List.of(
            new CannedResponse("greeting", "Hello", "Hi! How can I help?", MatchType.EXACT),
            new CannedResponse("hours", "opening hours", "We are open 9 to 5.", MatchType.PARTIAL),
            new CannedResponse("weekend-hours", "opening hours on weekends", "Closed on weekends.", MatchType.PARTIAL),
            new CannedResponse("pricing", "price, pricing ,cost", "See our pricing page.", MatchType.KEYWORD),
            new CannedResponse("refund", "refund", "Refunds take 5 days.", MatchType.KEYWORD)));

    private Optional<String> answer(String message) {
        return matcher.match(message).map(CannedResponse::id);
    }

    @Test
    void exactMatchIgnoresCasePunctuationAndSpacing() {
        assertThat(answer("hello")).contains("greeting");
        assertThat(answer("  HELLO!!! ")).contains("greeting");
    }

    @Test
    void exactMatchNeedsTheWholeMessage() {
        assertThat(answer("hello, I have a question about my invoice")).isEmpty();
    }

    @Test
    void partialMatchFindsThePhraseInsideAMessage() {
        assertThat(answer("What are your Opening Hours, please?")).contains("hours");
    }

    @Test
    void partialMatchPrefersTheLongestPhrase() {
        assertThat(answer("what are the opening hours on weekends?")).contains("weekend-hours");
    }

    @Test
    void amongPhrasesOfOneLengthTheFirstAddedWinsWhereverItStands() {
        var engine = new AutoReplyMatcher(List.of(
                new CannedResponse("track", "track parcel", "Tracking.", MatchType.PARTIAL),
                new CannedResponse("cancel", "cancel order", "Cancelling.", MatchType.PARTIAL)));
        assertThat(engine.match("cancel order or track parcel?")).map(CannedResponse::id).contains("track");
    }

    @Test
    void partialMatchIsOnWholeWordsOnly() {
        assertThat(answer("reopening hoursly")).isEmpty();
    }

    @Test
    void keywordMatchesAnyListedWordAsAWholeWord() {
        assertThat(answer("how much does it cost?")).contains("pricing");
        assertThat(answer("Pricing for teams")).contains("pricing");
        assertThat(answer("I want a costume")).isEmpty();
    }

    @Test
    void keywordTakesTheFirstKeywordInTheMessage() {
        assertThat(answer("refund or a lower price?")).contains("refund");
        assertThat(answer("price or a refund?")).contains("pricing");
    }

    @Test
    void exactWinsOverPartialWhichWinsOverKeyword() {
        var engine = new AutoReplyMatcher(List.of(
                new CannedResponse("k", "shipping", "keyword answer", MatchType.KEYWORD),
                new CannedResponse("p", "shipping time", "partial answer", MatchType.PARTIAL),
                new CannedResponse("e", "shipping time", "exact answer", MatchType.EXACT)));
        assertThat(engine.match("Shipping time?")).map(CannedResponse::id).contains("e");
        assertThat(engine.match("what is the shipping time to Spain")).map(CannedResponse::id).contains("p");
        assertThat(engine.match("is shipping free")).map(CannedResponse::id).contains("k");
    }

    @Test
    void nothingMatchesAnEmptyOrUnrelatedMessage() {
        assertThat(answer("")).isEmpty();
        assertThat(answer("?!")).isEmpty();
        assertThat(answer("my parcel never arrived")).isEmpty();
    }

    @Test
    void matchesLettersBeyondAscii() {
        var engine = new AutoReplyMatcher(List.of(new CannedResponse("de", "Öffnungszeiten", "9 bis 17 Uhr", MatchType.KEYWORD)));
        assertThat(engine.match("Wann sind die ÖFFNUNGSZEITEN?")).map(CannedResponse::id).contains("de");
    }
}
