package io.vinyldetective.engine.wants;

import io.vinyldetective.api.Release;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.catalog.ReleaseSet;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch of watches matches listings against: its wanted releases, and every release the
 * catalog knows that could be mistaken for one (the other pressings of the master, releases printed
 * with the same catalog number or barcode). With the siblings in the scope, a listing that fits a
 * reissue as well as the wanted pressing comes out ambiguous, not as the wanted pressing.
 */
@Singleton
public class WatchScopes {

    /** The most siblings one want brings into the scope. */
    static final int MAX_SIBLINGS = 300;

    private final CatalogStore catalog;
    private final WantStore store;

    public WatchScopes(CatalogStore catalog, WantStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * A batch's scope.
     *
     * @param releases the wanted releases and their siblings
     * @param known    the watches whose siblings are all known (the release read in full, the master's
     *                 pressings read): only those may be alerted for one exact pressing
     */
    public record Scope(ReleaseSet releases, Set<Long> known) {
    }

    public Scope of(WatchBatch batch) {
        List<Release> members = new ArrayList<>();
        Set<Long> known = new HashSet<>();
        for (Want want : batch.wants()) {
            Release wanted = catalog.release(want.releaseId()).orElseGet(() -> summary(want));
            members.add(wanted);
            List<Release> siblings = new ArrayList<>();
            Long master = wanted.masterId() != null ? wanted.masterId() : want.masterId();
            if (master != null) {
                siblings.addAll(catalog.byMaster(master));
            }
            for (Release.LabelCatalogNumber label : wanted.labels()) {
                siblings.addAll(catalog.byCatalogNumber(label.catalogNumber()));
            }
            for (String barcode : wanted.barcodes()) {
                siblings.addAll(catalog.byBarcode(barcode));
            }
            members.addAll(siblings.subList(0, Math.min(MAX_SIBLINGS, siblings.size())));
            String source = catalog.sourceOf(want.releaseId()).orElse("wantlist");
            boolean full = source.equals("api") || source.equals("dump");
            if (full && (master == null || store.versionsCheckedAt(master).isPresent())) {
                known.add(want.id());
            }
        }
        return new Scope(new ReleaseSet(members), known);
    }

    /** What the watch itself says of its release, when the catalog has not got it (yet). */
    private static Release summary(Want want) {
        List<Release.LabelCatalogNumber> labels = want.catalogNumber() == null ? List.of()
                : List.of(new Release.LabelCatalogNumber(null, want.catalogNumber()));
        return new Release(want.releaseId(), want.title(), List.of(want.artist()), labels, List.of(), want.format(), null,
                null, want.year(), want.masterId());
    }
}
