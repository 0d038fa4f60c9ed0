package io.parley.conversations.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.conversations.boundary.Conversations.VisitorPost;
import io.parley.conversations.control.Transcript.Appended;
import io.parley.conversations.control.Transcript.Outcome;
import io.parley.conversations.entity.ChatMessage;
import io.parley.platform.entity.Refusal;
import io.parley.conversations.entity.Sender;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's bookkeeping, with a stand-in for the transaction (the database path itself is tested by the system
 * tests, e.g. DeliveryIT's visitors writing at once): messages posted together are stored together, and each caller
 * gets its own message's outcome, also when its group's transaction fails.
 */
class VisitorMessageWriterTest {

    private final List<List<VisitorPost>> transactions = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService visitors = Executors.newFixedThreadPool(40);
    private VisitorMessageWriter writer;

    @AfterEach
    void stop() {
        visitors.shutdownNow();
        writer.stop();
    }

    @Test
    void messagesPostedTogetherShareATransactionAndEachCallerGetsItsOwn() throws Exception {
        writer = writerOver(posts -> {
            pause(20); // a transaction's round trips: meanwhile the others queue
            return posts.stream().map(post -> Outcome.of(stored(post))).toList();
        });
        List<Future<ChatMessage>> posted = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            VisitorPost post = new VisitorPost("s" + i, "text " + i, "c" + i, null);
            posted.add(visitors.submit(() -> writer.post(post)));
        }
        for (int i = 0; i < 40; i++) {
            assertThat(posted.get(i).get().text()).isEqualTo("text " + i);
            assertThat(posted.get(i).get().sessionId()).isEqualTo("s" + i);
        }
        assertThat(transactions.stream().mapToInt(List::size).sum()).isEqualTo(40);
        assertThat(transactions.size()).isLessThan(40);
    }

    @Test
    void aRefusedMessageIsRefusedToItsCallerAlone() throws Exception {
        writer = writerOver(posts -> posts.stream()
                .map(post -> post.text().isEmpty() ? Outcome.refused(new Refusal(Refusal.Kind.CONFLICT, "session_closed", "ended")) : Outcome.of(stored(post)))
                .toList());
        Future<ChatMessage> refused = visitors.submit(() -> writer.post(new VisitorPost("s1", "", "a", null)));
        Future<ChatMessage> stored = visitors.submit(() -> writer.post(new VisitorPost("s2", "hello", "b", null)));

        assertThat(stored.get().text()).isEqualTo("hello");
        assertThatThrownBy(refused::get).hasCauseInstanceOf(Refusal.class).hasRootCauseMessage("ended");
    }

    @Test
    void whenAGroupFailsEachMessageIsTriedAloneAndOnlyTheFailingOneFails() throws Exception {
        CompletableFuture<Void> firstStarted = new CompletableFuture<>();
        writer = writerOver(posts -> {
            firstStarted.complete(null);
            pause(50);
            if (posts.stream().anyMatch(post -> post.text().equals("poison"))) {
                throw new IllegalStateException("the transaction rolled back");
            }
            return posts.stream().map(post -> Outcome.of(stored(post))).toList();
        });
        visitors.submit(() -> writer.post(new VisitorPost("s0", "first", null, null)));
        firstStarted.get(); // the rest queue behind it and form one group
        List<Future<ChatMessage>> posted = new ArrayList<>();
        for (String text : List.of("one", "poison", "two", "three")) {
            posted.add(visitors.submit(() -> writer.post(new VisitorPost("s-" + text, text, null, null))));
            pause(5);
        }

        assertThat(posted.get(0).get().text()).isEqualTo("one");
        assertThatThrownBy(() -> posted.get(1).get()).hasRootCauseMessage("the transaction rolled back");
        assertThat(posted.get(2).get().text()).isEqualTo("two");
        assertThat(posted.get(3).get().text()).isEqualTo("three");
        assertThat(transactions).anyMatch(group -> group.size() == 4);
    }

    private VisitorMessageWriter writerOver(java.util.function.Function<List<VisitorPost>, List<Outcome>> transaction) {
        VisitorMessageWriter writer = new VisitorMessageWriter();
        writer.conversations = new Conversations() {
            @Override
            public List<Outcome> postVisitorMessages(List<VisitorPost> posts) {
                transactions.add(posts);
                return transaction.apply(posts);
            }
        };
        writer.writers = 1;
        writer.start(Thread::new);
        return writer;
    }

    private static Appended stored(VisitorPost post) {
        return new Appended(new ChatMessage(post.sessionId(), 1, Sender.USER, null, null, post.text(), post.clientMsgId()), false, null);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
