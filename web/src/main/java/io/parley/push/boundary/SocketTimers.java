package io.parley.push.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives each socket a scheduler of Parley's own for its idle timer. Tyrus restarts that timer on every frame received
 * and every frame sent, on the scheduler of the container it runs in; in Payara that is the managed scheduled executor,
 * whose context capture scans the class path for context providers ({@code ServiceLoader}) on every task: a quarter
 * of the server's work under the load of bench/abuse.sh, paid for every frame of every visitor, refused or not
 * (bench/README.md, "Abuse limits under load"). The timer does nothing unless an idle timeout is set, and Parley sets
 * none; where one is, it still closes the socket, from a thread of the container's {@link ManagedThreadFactory}.
 * <p>
 * Neither Tyrus nor Payara has a setting for this, hence the field written by reflection. Should Tyrus change so that
 * it is not there, a socket keeps the container's scheduler (slower, and otherwise the same) and the log says so once.
 */
@ApplicationScoped
public class SocketTimers {

    private static final Logger LOG = System.getLogger(SocketTimers.class.getName());
    /** Tyrus's session keeps the scheduler of its timers in this field. */
    private static final String SCHEDULER_FIELD = "service";

    @Resource
    ManagedThreadFactory threadFactory;

    /** Set once Tyrus's field could not be used: sockets then keep the container's scheduler, and nobody tries again. */
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private ScheduledThreadPoolExecutor scheduler;
    /** Tyrus's field, once found (every socket is of the same class). */
    private volatile Field schedulerField;

    @PostConstruct
    void start() {
        scheduler = new ScheduledThreadPoolExecutor(1, threadFactory);
        // a frame cancels the timer the previous one set: cancelled timers leave the queue at once
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** Moves the socket's timers to Parley's scheduler; called when it opens. */
    public void adopt(Session socket) {
        if (unavailable.get()) {
            return;
        }
        try {
            Field field = schedulerField;
            if (field == null) {
                field = socket.getClass().getDeclaredField(SCHEDULER_FIELD);
                if (!ScheduledExecutorService.class.isAssignableFrom(field.getType())) {
                    throw new NoSuchFieldException(SCHEDULER_FIELD + " is a " + field.getType().getName());
                }
                field.setAccessible(true);
                schedulerField = field;
            }
            field.set(socket, scheduler);
        } catch (ReflectiveOperationException | RuntimeException unlike) {
            if (unavailable.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Sockets keep their idle timers on the scheduler of the application server, which costs "
                        + "every frame a class-path scan: {0} has no scheduler field Parley can set ({1})", socket.getClass().getName(), unlike.toString());
            }
        }
    }
}
