package io.parley.assistant.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads on which the fleet is asked (answers, summaries at handoff), never a visitor's socket's or a request's.
 * They are the container's threads (they carry the application's context, so they may call its beans), pooled here: a
 * pool of our own works alike in the war and in the ear, where a managed executor defined in the ejb module is not.
 * Not an EJB {@code @Asynchronous} method either: the providers' fault-tolerance timeouts, run from an EJB invocation,
 * make Payara's security context fail on reset (a {@code ClassCastException} logged as SEVERE).
 */
@ApplicationScoped
public class AssistantThreads {

    /** Models are asked on at most this many threads at once; further work waits its turn. */
    static final int MAX_CONCURRENT = 64;

    @Resource
    ManagedThreadFactory threadFactory;

    private ThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        executor = new ThreadPoolExecutor(MAX_CONCURRENT, MAX_CONCURRENT, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
        executor.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public void execute(Runnable work) {
        executor.execute(work);
    }
}
