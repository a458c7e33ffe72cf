package io.vinyldetective.api;

/**
 * How soon a request matters. When a rate limit makes requests wait, the more urgent go first:
 * pricing a live candidate deal, then catalog look-ups, then background refreshes.
 */
public enum Urgency {
    /** A user may be alerted as soon as this answers. */
    LIVE,
    /** Filling the catalog for a listing being matched. */
    LOOKUP,
    /** Scheduled refreshes; may wait. */
    BACKGROUND
}
