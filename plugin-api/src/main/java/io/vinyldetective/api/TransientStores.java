package io.vinyldetective.api;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The in-memory stores behind the default of {@link PluginContext#store()}: one per context,
 * dropped with the context.
 */
final class TransientStores {

    private static final Map<PluginContext, PluginStore> BY_CONTEXT = Collections.synchronizedMap(new WeakHashMap<>());

    private TransientStores() {
    }

    static PluginStore of(PluginContext context) {
        return BY_CONTEXT.computeIfAbsent(context, c -> PluginStore.inMemory());
    }
}
