package io.parley.conversations.boundary;

import io.parley.platform.entity.Refusal;
import io.parley.conversations.boundary.Conversations.VisitorPost;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.control.Transcript.Outcome;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores visitors' messages, many in one transaction when many arrive together (group commit). Whatever the visitors'
 * sockets post while a transaction runs waits in one queue; each of a few writer threads takes all that waits (up to
 * {@value #MAX_GROUP}) and stores it with a constant number of statements ({@code Conversations.postVisitorMessages}).
 * At a trickle a group is one message and costs what it did alone; under load the transaction, the connection and the
 * commit are shared by the group instead of paid per message (bench/README.md).
 * <p>
 * The socket's thread waits for its own message's outcome (parked, not polling), so a visitor's frames are still
 * handled one after another: a message is stored before the frame that follows it is read. When a group's transaction
 * fails as a whole (a deadlock, a lost connection), each of its messages is tried again alone, so that only the
 * messages that fail by themselves fail.
 * <p>
 * Written here rather than taken from a library: what is grouped is a JTA transaction of a session bean, and the
 * container's managed threads must run it.
 */
@ApplicationScoped
public class VisitorMessageWriter {

    static final int MAX_GROUP = 64;

    @Inject
    Conversations conversations;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "parley.chat.message-writers", defaultValue = "2")
    int writers;

    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    @PostConstruct
    void start() {
        start(threadFactory);
    }

    void start(ThreadFactory factory) {
        for (int i = 0; i < writers; i++) {
            Thread thread = factory.newThread(this::write);
            thread.setName("parley-message-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @PreDestroy
    void stop() {
        threads.forEach(Thread::interrupt);
    }

    /**
     * Stores the visitor's message and returns it once committed (or the one stored before under its client message id).
     * @throws io.parley.platform.entity.Refusal when it is refused (too long, a session that ended, ...)
     */
    public ChatMessage post(VisitorPost post) {
        Waiting waiting = new Waiting(post, new CompletableFuture<>());
        queue.add(waiting);
        try {
            return waiting.outcome().get().orThrow().message();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the message was being stored", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    private void write() {
        List<Waiting> group = new ArrayList<>(MAX_GROUP);
        try {
            while (true) {
                group.add(queue.take());
                queue.drainTo(group, MAX_GROUP - 1);
                store(group);
                group.clear();
            }
        } catch (InterruptedException stopping) {
            IllegalStateException stopped = new IllegalStateException("The server is stopping");
            group.forEach(waiting -> waiting.outcome().completeExceptionally(stopped));
            queue.forEach(waiting -> waiting.outcome().completeExceptionally(stopped));
        }
    }

    private void store(List<Waiting> group) {
        try {
            List<Outcome> outcomes = conversations.postVisitorMessages(group.stream().map(Waiting::post).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException failed) {
            if (group.size() == 1) {
                group.get(0).outcome().completeExceptionally(failed);
            } else {
                group.forEach(waiting -> store(List.of(waiting)));
            }
        }
    }

    private record Waiting(VisitorPost post, CompletableFuture<Outcome> outcome) {
    }
}
