package io.vinyldetective.engine.pipeline;

import io.vinyldetective.api.PluginException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps an extension so that a failing plugin is isolated: every call runs with the plugin's class
 * loader as context class loader; {@link PluginException}s pass through (they are the contract);
 * anything else a plugin throws (a bug, a missing class) becomes a {@link PluginFailure}, is logged
 * once per call, and after {@value #FAILURES_BEFORE_QUARANTINE} consecutive failures the plugin is
 * quarantined for a growing pause, during which calls fail fast with
 * {@link PluginException.RetryLater}. A success ends the quarantine streak.
 */
public final class PluginGuard implements InvocationHandler {

    static final int FAILURES_BEFORE_QUARANTINE = 3;
    private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(PluginGuard.class);

    private final String pluginId;
    private final Object target;
    private final ClassLoader pluginLoader;
    private final Clock clock;
    private int consecutiveFailures;
    private Duration pause = FIRST_PAUSE;
    private Instant quarantinedUntil = Instant.MIN;

    private PluginGuard(String pluginId, Object target, ClassLoader pluginLoader, Clock clock) {
        this.pluginId = pluginId;
        this.target = target;
        this.pluginLoader = pluginLoader;
        this.clock = clock;
    }

    /** The extension behind a guard implementing {@code type}. */
    public static <T> T wrap(Class<T> type, String pluginId, T target, ClassLoader pluginLoader, Clock clock) {
        ClassLoader loader = pluginLoader != null ? pluginLoader : target.getClass().getClassLoader();
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new PluginGuard(pluginId, target, loader, clock));
        return type.cast(proxy);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        checkQuarantine(method);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginLoader);
        try {
            Object result = method.invoke(target, args);
            succeeded();
            return result;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PluginException) {
                succeeded();
                throw cause;
            }
            if (cause instanceof RuntimeException || cause instanceof LinkageError || cause instanceof StackOverflowError
                    || cause instanceof AssertionError) {
                throw failed(method, cause);
            }
            throw cause;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private synchronized void checkQuarantine(Method method) {
        Instant now = clock.instant();
        if (now.isBefore(quarantinedUntil) && !isLifecycle(method)) {
            throw new PluginException.RetryLater("plugin '" + pluginId + "' is paused after repeated failures until "
                    + quarantinedUntil, Duration.between(now, quarantinedUntil));
        }
    }

    private synchronized void succeeded() {
        consecutiveFailures = 0;
        pause = FIRST_PAUSE;
    }

    private synchronized PluginFailure failed(Method method, Throwable cause) {
        consecutiveFailures++;
        String what = "plugin '" + pluginId + "' failed in " + method.getName() + ": " + cause;
        if (consecutiveFailures >= FAILURES_BEFORE_QUARANTINE && !isLifecycle(method)) {
            quarantinedUntil = clock.instant().plus(pause);
            LOG.error("{}; {} failures in a row, pausing it for {}", what, consecutiveFailures, pause);
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            consecutiveFailures = 0;
        } else {
            LOG.error(what);
        }
        LOG.debug("Failure detail of plugin '{}'", pluginId, cause);
        return new PluginFailure(pluginId, what, cause);
    }

    private static boolean isLifecycle(Method method) {
        return method.getName().equals("start") || method.getName().equals("stop") || method.getName().equals("configKeys");
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "guarded " + pluginId + ":" + target.getClass().getSimpleName();
        }
    }
}
