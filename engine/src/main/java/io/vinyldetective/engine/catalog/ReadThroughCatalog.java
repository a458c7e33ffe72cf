package io.vinyldetective.engine.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.CatalogKeys;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import io.vinyldetective.api.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The catalog matcher tiers see when the engine runs online with a price oracle: the local store
 * first; on a local miss, the oracle (with {@link Urgency#LOOKUP}), whose releases are stored with
 * {@link CatalogStore#upsert} (source {@code api}) and then read back from the store, so tiers always
 * see releases as the store keeps them. Misses are remembered for a while (negative cache), so a
 * listing that nothing knows costs the oracle one request per key, not one per listing. An oracle
 * that is unavailable for now ({@link PluginException.RetryLater}) or fails is treated as a miss that
 * is not remembered: matching goes on with what the store has. Tiers need no change: they read a
 * {@link Catalog} either way.
 *
 * <p>Text search falls through only when the words find nothing locally, and asks the oracle for the
 * {@code allOf} words as free text ({@code searchReleases(null, text, null, LOOKUP)}).
 * Thread-safe.
 */
public final class ReadThroughCatalog implements Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(ReadThroughCatalog.class);

    /** How long "the oracle does not know this" is believed. */
    public static final Duration NEGATIVE_TTL = Duration.ofHours(24);
    private static final int NEGATIVE_MAX_KEYS = 100_000;
    /** Fewest {@code allOf} words a text search needs before it may ask the oracle (one word is too vague). */
    static final int MIN_SEARCH_WORDS = 2;

    private final CatalogStore store;
    private final PriceOracle oracle;
    private final Cache<String, Boolean> misses;

    public ReadThroughCatalog(CatalogStore store, PriceOracle oracle) {
        this(store, oracle, Ticker.systemTicker());
    }

    ReadThroughCatalog(CatalogStore store, PriceOracle oracle, Ticker ticker) {
        this.store = store;
        this.oracle = oracle;
        this.misses = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(NEGATIVE_TTL)
                .maximumSize(NEGATIVE_MAX_KEYS).build();
    }

    @Override
    public Optional<Release> release(long id) {
        Optional<Release> local = store.release(id);
        if (local.isPresent()) {
            return local;
        }
        List<Release> found = readThrough("id:" + id, () -> oracle.release(id, Urgency.LOOKUP).map(List::of).orElse(List.of()),
                () -> store.release(id).map(List::of).orElse(List.of()));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Release> byCatalogNumber(String catalogNumber) {
        List<Release> local = store.byCatalogNumber(catalogNumber);
        String key = CatalogKeys.catalogNumber(catalogNumber);
        if (!local.isEmpty() || key == null) {
            return local;
        }
        return readThrough("catno:" + key, () -> oracle.releasesByCatalogNumber(catalogNumber, Urgency.LOOKUP),
                () -> store.byCatalogNumber(catalogNumber));
    }

    @Override
    public List<Release> byBarcode(String barcode) {
        List<Release> local = store.byBarcode(barcode);
        String key = CatalogKeys.barcode(barcode);
        if (!local.isEmpty() || key == null) {
            return local;
        }
        return readThrough("barcode:" + key, () -> oracle.releasesByBarcode(key, Urgency.LOOKUP),
                () -> store.byBarcode(barcode));
    }

    @Override
    public List<Release> search(List<String> allOf, List<String> anyOf, int limit) {
        List<Release> local = store.search(allOf, anyOf, limit);
        if (!local.isEmpty() || allOf == null) {
            return local;
        }
        TreeSet<String> words = new TreeSet<>();
        for (String term : allOf) {
            words.addAll(TextKeys.words(term));
        }
        if (words.size() < MIN_SEARCH_WORDS) {
            return local;
        }
        String text = String.join(" ", allOf);
        return readThrough("text:" + String.join(" ", words), () -> oracle.searchReleases(null, text, null, Urgency.LOOKUP),
                () -> store.search(allOf, anyOf, limit));
    }

    @Override
    public long size() {
        return store.size();
    }

    /**
     * Asks the oracle unless the key is a remembered miss, stores what it returns and reads the store
     * again. Remembers the key as a miss when the oracle knows nothing that the store then finds.
     */
    private List<Release> readThrough(String key, Supplier<List<Release>> ask, Supplier<List<Release>> reread) {
        if (misses.getIfPresent(key) != null) {
            return List.of();
        }
        List<Release> found;
        try {
            found = ask.get();
        } catch (PluginException.RetryLater e) {
            LOG.debug("Oracle unavailable for {}: {}", key, e.getMessage());
            return List.of();
        } catch (RuntimeException e) {
            LOG.warn("Oracle look-up {} failed: {}", key, e.toString());
            return List.of();
        }
        if (found != null) {
            for (Release r : found) {
                store.upsert(r, "api");
            }
        }
        List<Release> now = found == null || found.isEmpty() ? List.of() : reread.get();
        if (now.isEmpty()) {
            misses.put(key, Boolean.TRUE);
        } else {
            LOG.debug("Oracle filled {} release(s) for {}", found.size(), key);
        }
        return now;
    }
}
