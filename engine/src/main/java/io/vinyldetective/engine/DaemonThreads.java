package io.vinyldetective.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The engine's background threads: named (so a thread dump and the log say what they are) and daemon
 * threads (so a forgotten one never keeps the JVM from exiting; shutdown stops them in order).
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** One named daemon thread for scheduled work. */
    public static ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> create(name, r));
    }

    /** Starts {@code work} on a named daemon thread of its own. */
    public static Thread start(String name, Runnable work) {
        Thread t = create(name, work);
        t.start();
        return t;
    }

    private static Thread create(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        return t;
    }
}
