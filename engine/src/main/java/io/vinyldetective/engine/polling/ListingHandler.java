package io.vinyldetective.engine.polling;

import io.vinyldetective.api.Listing;

/**
 * What one new listing of a poll means for the subscribers of its query: saved searches
 * ({@link SearchDeals}) or watches of wanted releases ({@link WatchDeals}).
 */
interface ListingHandler {

    /**
     * Matches, prices and scores the listing for the subscribers and queues their alerts.
     *
     * @param detailsAllowed whether an item look-up may be spent on it
     * @throws io.vinyldetective.api.PluginException.RetryLater when prices are unavailable for now
     */
    Handled handle(Listing listing, boolean detailsAllowed, PollReport report);

    /** For the poll's log line: {@code #1,#4} or {@code watches #3 (12 wants)}. */
    String names();
}
