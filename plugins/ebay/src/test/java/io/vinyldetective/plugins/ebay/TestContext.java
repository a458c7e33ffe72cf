package io.vinyldetective.plugins.ebay;

import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginConfig;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginStore;
import io.vinyldetective.engine.http.EngineHttpGateway;
import io.vinyldetective.engine.http.HttpGatewayConfiguration;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A plugin context for the eBay tests: the engine's real HTTP gateway with short backoffs, a clock the
 * test moves, a store the test can share between "restarts", and a logger that keeps every line.
 */
final class TestContext implements PluginContext {

    /** Short backoffs and timeouts so failure tests stay fast. */
    static final HttpGatewayConfiguration FAST = new HttpGatewayConfiguration(Duration.ofSeconds(2),
            Duration.ofSeconds(2), 10, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5),
            1024 * 1024, null);

    private final PluginConfig config;
    private final HttpGateway http;
    private final MovableClock clock;
    private final PluginStore store;
    private final RecordingLogger logger = new RecordingLogger();

    TestContext(Map<String, String> settings, HttpGatewayConfiguration http, MovableClock clock, PluginStore store) {
        this.config = PluginConfig.of(EbaySettings.KEYS, settings);
        this.http = new EngineHttpGateway(http).forPlugin("ebay");
        this.clock = clock;
        this.store = store;
    }

    @Override
    public String pluginId() {
        return "ebay";
    }

    @Override
    public PluginConfig config() {
        return config;
    }

    @Override
    public HttpGateway http() {
        return http;
    }

    @Override
    public Catalog catalog() {
        throw new UnsupportedOperationException("a listing source does not read the catalog");
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RecordingLogger logger() {
        return logger;
    }

    @Override
    public PluginStore store() {
        return store;
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** Keeps each line as {@code LEVEL text}. */
    static final class RecordingLogger implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "test.ebay";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg + (thrown == null ? "" : " " + thrown));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + (params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            lines.add(level + " " + msgSupplier.get());
        }

        List<String> at(Level level) {
            return lines.stream().filter(l -> l.startsWith(level.name() + " ")).toList();
        }
    }
}
