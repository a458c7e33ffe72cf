package io.vinyldetective.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginStoreTest {

    @Test
    void countersStartAtZeroAndAdd() {
        PluginStore store = PluginStore.inMemory();
        assertEquals(0, store.counter("calls.2026-11-25"));
        assertEquals(3, store.increment("calls.2026-11-25", 3));
        assertEquals(2, store.increment("calls.2026-11-25", -1));
        assertEquals(2, store.counter("calls.2026-11-25"));
        store.remove("calls.2026-11-25");
        assertEquals(0, store.counter("calls.2026-11-25"));
    }

    @Test
    void textsAreReplacedAndRemoved() {
        PluginStore store = PluginStore.inMemory();
        assertEquals(Optional.empty(), store.text("stopped"));
        store.putText("stopped", "a");
        store.putText("stopped", "b");
        assertEquals(Optional.of("b"), store.text("stopped"));
        store.remove("stopped");
        assertTrue(store.text("stopped").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store.counter(""));
    }

    @Test
    void theDefaultStoreIsOnePerContext() {
        PluginContext a = new Bare();
        PluginContext b = new Bare();
        assertSame(a.store(), a.store());
        assertNotSame(a.store(), b.store());
        a.store().increment("n", 1);
        assertEquals(0, b.store().counter("n"));
    }

    @Test
    void retryLaterCarriesTheLastAnswerWhenGiven() {
        HttpReply reply = new HttpReply(429, Map.of(), "{}".getBytes(), false);
        assertSame(reply, new PluginException.RetryLater("quota", null, null, reply).lastReply().orElseThrow());
        assertTrue(new PluginException.RetryLater("down", null).lastReply().isEmpty());
    }

    /** A context with nothing but the store default. */
    private static final class Bare implements PluginContext {
        @Override public String pluginId() { return "bare"; }
        @Override public PluginConfig config() { return PluginConfig.of(List.of(), Map.of()); }
        @Override public HttpGateway http() { return null; }
        @Override public Catalog catalog() { return null; }
        @Override public Clock clock() { return Clock.systemUTC(); }
        @Override public System.Logger logger() { return System.getLogger("bare"); }
    }
}
