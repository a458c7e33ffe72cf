package io.vinyldetective.plugins.ebay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * getItem results by item id, least recently used dropped first, so a listing is enriched at most
 * once while it stays in the cache. An item eBay no longer has is remembered as empty.
 */
final class DetailsCache {

    private final Map<String, Optional<ListingMapper.Details>> entries;

    DetailsCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<ListingMapper.Details>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached result: absent when never fetched; an empty optional when eBay had no such item. */
    synchronized Optional<Optional<ListingMapper.Details>> get(String itemId) {
        return Optional.ofNullable(entries.get(itemId));
    }

    synchronized void put(String itemId, Optional<ListingMapper.Details> details) {
        entries.put(itemId, details);
    }
}
