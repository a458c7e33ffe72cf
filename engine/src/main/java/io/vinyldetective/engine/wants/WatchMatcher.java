package io.vinyldetective.engine.wants;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import io.vinyldetective.engine.catalog.ScopedCatalog;
import io.vinyldetective.engine.matching.MatchOutcome;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which watches of a batch a listing is for. The tier chain runs against the batch's scope only (the
 * wanted releases and their siblings, {@link WatchScopes}), so the many listings a broad artist query
 * brings cost no oracle look-up. A watch takes the match when it is its release: for one exact pressing,
 * the match names that release alone and every sibling of it is known; for any pressing, every
 * candidate belongs to its master. A match from free text must also explain every word of the title.
 */
public final class WatchMatcher {

    private final ReleaseMatcher matcher;
    private final ScopedCatalog scoped;
    private final WatchBatch batch;
    private final WatchScopes.Scope scope;

    public WatchMatcher(ReleaseMatcher matcher, ScopedCatalog scoped, WatchBatch batch, WatchScopes.Scope scope) {
        this.matcher = matcher;
        this.scoped = scoped;
        this.batch = batch;
        this.scope = scope;
    }

    /**
     * What the tiers made of a listing within the scope, and the watches it is for.
     *
     * @param outcome   the tier chain's outcome within the scope
     * @param takers    the watches whose release the listing is (empty: none)
     * @param undecided whether it may be a wanted release that the tiers could not tell from its siblings
     */
    public record Verdict(MatchOutcome outcome, List<Want> takers, boolean undecided) {
    }

    public Verdict match(Listing listing) {
        MatchOutcome outcome = scoped.within(scope.releases(), () -> matcher.match(listing));
        List<Want> takers = takers(listing, outcome);
        return new Verdict(outcome, takers, takers.isEmpty() && outcome.refusal() == null && namesWanted(outcome));
    }

    /**
     * Whether a wanted release is among the candidates (confident or not) without a watch taking it: the
     * listing may be it, and its catalog number or barcode (an item look-up) may tell. A listing that is
     * plainly another pressing is not.
     */
    private boolean namesWanted(MatchOutcome outcome) {
        List<MatchResult> results = new ArrayList<>(outcome.tentative());
        outcome.match().ifPresent(results::add);
        for (MatchResult r : results) {
            for (Want want : batch.wants()) {
                if (r.releaseIds().contains(want.releaseId()) && (r.releaseIds().size() > 1 || !r.confident())) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Want> takers(Listing listing, MatchOutcome outcome) {
        if (!outcome.matched() || !explained(listing, outcome.result())) {
            return List.of();
        }
        List<Long> candidates = outcome.result().releaseIds();
        List<Want> takers = new ArrayList<>();
        for (Want want : batch.wants()) {
            if (want.pressingsAny() ? ofMaster(want, candidates)
                    : candidates.equals(List.of(want.releaseId())) && scope.known().contains(want.id())) {
                takers.add(want);
            }
        }
        return takers;
    }

    /**
     * A watch alerts one release, so a match from free text must leave nothing in the title unaccounted
     * for: every word is the candidates' (artists, title, labels, catalog numbers), a year, or marketplace
     * noise. {@code Ralph Stanley - Remixes Vol 4} is not the self-titled album, though the fuzzy tier
     * may find the artist and title words in it. Matches by catalog number or barcode stand on those.
     */
    private boolean explained(Listing listing, MatchResult match) {
        if (!match.method().equals("fuzzy")) {
            return true;
        }
        Set<String> known = new HashSet<>();
        for (long id : match.releaseIds()) {
            scope.releases().release(id).ifPresent(r -> {
                r.artists().forEach(a -> known.addAll(TextKeys.words(a)));
                known.addAll(TextKeys.words(r.title()));
                for (Release.LabelCatalogNumber l : r.labels()) {
                    known.addAll(TextKeys.words(l.label()));
                    known.addAll(TextKeys.words(l.catalogNumber()));
                }
            });
        }
        for (String word : TextKeys.words(listing.title())) {
            if (!known.contains(word) && !TextKeys.isListingNoise(word) && !TextKeys.STOP_WORDS.contains(word)
                    && !TextKeys.isYear(word) && !(word.length() <= 2 && TextKeys.hasDigit(word))) {
                return false;
            }
        }
        return true;
    }

    /** Whether every candidate is the wanted release or another pressing of its master. */
    private boolean ofMaster(Want want, List<Long> candidates) {
        Long master = scope.releases().release(want.releaseId()).map(Release::masterId).orElse(want.masterId());
        for (long id : candidates) {
            boolean sibling = master != null && scope.releases().release(id).map(Release::masterId)
                    .filter(master::equals).isPresent();
            if (id != want.releaseId() && !sibling) {
                return false;
            }
        }
        return true;
    }
}
